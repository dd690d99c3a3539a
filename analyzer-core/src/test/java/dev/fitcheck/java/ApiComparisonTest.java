package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiComparisonTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    private static List<String> changes(ApiComparison c) {
        return c.changes().stream().map(ch -> ch.kind() + " " + ch.symbol().display()
                + (ch.detail().isEmpty() ? "" : " (" + ch.detail() + ")")).toList();
    }

    @Test
    void whatTwoDotZeroBrokeAndAdded() {
        ApiComparison c = ApiComparison.compare(shapes.catalogue(), 0, 1);
        assertThat(c.fromVersion()).isEqualTo("1.0");
        assertThat(c.toVersion()).isEqualTo("2.0");
        // area() left Shape but Base still has it: not removed. Base is not API, so perimeter() shows on Shape only
        // through lookups, and is not listed as an addition of an exported class's own members.
        assertThat(changes(c)).containsExactly(
                "SUPERTYPE_REMOVED org.acme.shapes.Shape (org.acme.shapes.Drawable)",
                "MEMBER_ADDED org.acme.shapes.Shape.ofSides(int)",
                "MEMBER_REMOVED org.acme.shapes.Shape.printer()",
                "MEMBER_REMOVED org.acme.shapes.Shape.square(int)",
                "STATIC_CHANGED org.acme.shapes.Shape.sides (became static)",
                "CLASS_REMOVED org.acme.shapes.Shape.Builder");
        assertThat(c.breaking()).hasSize(5);
    }

    @Test
    void aClassThatComesBackIsAnAdditionAndAMethodTurningFinalBreaksOverriders() {
        ApiComparison c = ApiComparison.compare(shapes.catalogue(), 1, 2);
        assertThat(changes(c)).containsExactly(
                "MEMBER_NOW_FINAL org.acme.shapes.Shape.resize(double) (overrides no longer load)",
                "CLASS_ADDED org.acme.shapes.Shape.Builder");
    }

    @Test
    void anyTwoReleasesCompareNotOnlyNeighbours() {
        ApiComparison c = ApiComparison.compare(shapes.catalogue(), 0, 2);
        assertThat(changes(c)).contains(
                "CLASS_NOW_FINAL org.acme.shapes.Shape.Builder (subclasses no longer load)",
                "MEMBER_REMOVED org.acme.shapes.Shape.Builder.sides(int)",
                "MEMBER_NOW_FINAL org.acme.shapes.Shape.resize(double) (overrides no longer load)");
    }
}
