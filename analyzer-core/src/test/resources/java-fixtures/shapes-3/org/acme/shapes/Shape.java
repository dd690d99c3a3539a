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

    protected final void resize(double factor) {
    }

    @Override
    public int compareTo(Shape o) {
        return Double.compare(area(), o.area());
    }

    public static final class Builder {
        public Builder() {
        }

        public Shape build() {
            return new Shape(3, 1);
        }
    }

    public enum Kind { ROUND, ANGULAR }
}
