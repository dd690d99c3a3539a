package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeInferenceTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    @Test
    void theGardenRunsOnlyOnOneDotZeroAndTheFirstBreakingLineSaysWhy() {
        ClassPath cp = shapes.classPath(shapes.v1(), "1.0");
        SourceReferenceExtractor x = new SourceReferenceExtractor(List.of(shapes.gardenSources()), List.of(shapes.v1()),
                owner -> cp.entryOf(owner).isPresent());
        List<JavaReference> refs = x.extract(x.sourceFiles()).references();
        DependencyRange r = RangeInference.infer(cp, Map.of("org.acme:shapes", refs),
                Map.of("org.acme:shapes", shapes.catalogue())).get(0);
        assertThat(r.checkedVersions()).containsExactly("1.0", "2.0", "3.0");
        assertThat(r.compatibleVersions()).containsExactly("1.0");
        assertThat(r.range()).isEqualTo("[1.0,2.0)");
        assertThat(r.lower()).isEmpty();
        RangeBound upper = r.upper().orElseThrow();
        assertThat(upper.failingVersion()).isEqualTo("2.0");
        // square(int) at line 12 is the first line that 2.0 breaks; Builder (13, three uses), sides and build() (14) too
        assertThat(upper.evidence().symbol().display()).isEqualTo("org.acme.shapes.Shape.square(int)");
        assertThat(((SourceSite) upper.evidence().site()).line()).isEqualTo(12);
        assertThat(upper.outcome()).isEqualTo(LookupOutcome.MEMBER_MISSING);
        assertThat(upper.alsoFailing()).isEqualTo(5);
        assertThat(upper.sentence()).endsWith("Bed.java:12:25 is absent from 2.0 (and 5 more references)");
        assertThat(r.unverified()).isEmpty();
    }

    @Test
    void withoutTheRemovedCallsTheRangeReachesTheNewestRelease() {
        ClassPath cp = shapes.classPath(shapes.v1(), "1.0");
        SourceSite here = new SourceSite(dev.fitcheck.evidence.SourceLocation.of(Path.of("A.java"), 3), 3, 10);
        List<JavaReference> refs = List.of(
                new JavaReference(JavaSymbol.method("org/acme/shapes/Shape", "area", "()D", false), here),
                new JavaReference(JavaSymbol.method("org/acme/shapes/Shape", "ofSides", "(I)Lorg/acme/shapes/Shape;", true), here));
        // ofSides only exists from 2.0: against 1.0 (the class path) it fails, so it bounds nothing and is listed
        DependencyRange r = RangeInference.infer(cp, Map.of("org.acme:shapes", refs),
                Map.of("org.acme:shapes", shapes.catalogue())).get(0);
        assertThat(r.range()).isEqualTo("[1.0,)");
        assertThat(r.unverified()).extracting(u -> u.symbol().name()).containsExactly("ofSides");
    }

    @Test
    void rangesAreWrittenInMavensSyntax() {
        List<String> v = List.of("1", "2", "3", "4", "5");
        assertThat(RangeInference.mavenRange(VersionIndexSet.of(0, 1, 3, 4), v)).isEqualTo("[1,3),[4,)");
        assertThat(RangeInference.mavenRange(VersionIndexSet.of(2), v)).isEqualTo("[3,4)");
        assertThat(RangeInference.mavenRange(VersionIndexSet.empty(), v)).isEqualTo("(none of the 5 checked)");
    }
}
