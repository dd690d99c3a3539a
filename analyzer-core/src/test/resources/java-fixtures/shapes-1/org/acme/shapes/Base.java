package org.acme.shapes;

abstract class Base {
    public String name() {
        return getClass().getSimpleName();
    }

    public double area() {
        return 0;
    }
}
