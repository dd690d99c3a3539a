package org.acme.shapes;

public interface Drawable {
    String draw();
}
