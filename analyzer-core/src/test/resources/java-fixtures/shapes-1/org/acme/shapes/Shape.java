package org.acme.shapes;

public class Shape extends Base implements Drawable, Comparable<Shape> {
    public static final String UNIT = "cm";
    public int sides;
    private final double size;

    public Shape(int sides, double size) {
        this.sides = sides;
        this.size = size;
    }

    public static Shape square(int side) {
        return new Shape(4, side);
    }

    @Override
    public double area() {
        return size * size;
    }

    @Override
    public String draw() {
        return name() + sides;
    }

    protected void resize(double factor) {
    }

    @Override
    public int compareTo(Shape o) {
        return Double.compare(area(), o.area());
    }

    public Runnable printer() {
        return new Runnable() {
            @Override
            public void run() {
                System.out.println(draw());
            }
        };
    }

    public static class Builder {
        public Builder() {
        }

        public Builder sides(int n) {
            return this;
        }

        public Shape build() {
            return new Shape(3, 1);
        }
    }

    private static class Secret {
        public void hidden() {
        }
    }

    public enum Kind { ROUND, ANGULAR }
}
