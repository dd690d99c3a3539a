package org.acme.shapes;

public class Shape extends Base implements Comparable<Shape> {
    public static final String UNIT = "cm";
    public static int sides;
    private final double size;

    public Shape(int sides, double size) {
        Shape.sides = sides;
        this.size = size;
    }

    public static Shape ofSides(int n) {
        return new Shape(n, 1);
    }

    public String draw() {
        return name() + sides;
    }

    protected void resize(double factor) {
    }

    @Override
    public int compareTo(Shape o) {
        return Double.compare(area(), o.area());
    }

    public enum Kind { ROUND, ANGULAR }
}
