package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageAndGateTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    /** garden (compiled against shapes 1.0) on a class path with shapes {@code version}. */
    private static ClassPath gardenWith(Path shapesJar, String version) {
        return JavaProjectAnalysis.classPathOf(List.of(
                new ClassPathJar("com.example:garden", "1.0", shapes.gardenJar(), true),
                new ClassPathJar("org.acme:shapes", version, shapesJar, false)));
    }

    @Test
    void aJarCompiledAgainstAnOlderReleaseFailsToLinkAtTheLinesThatUseWhatWasRemoved() {
        assertThat(new LinkageChecker().check(gardenWith(shapes.v1(), "1.0")).problems()).isEmpty();
        LinkageReport report = new LinkageChecker().check(gardenWith(shapes.v2(), "2.0"));
        assertThat(report.problems()).extracting(p -> p.site().line() + " " + p.outcome() + " " + p.reference().symbol().display())
                .containsExactly(
                        "12 MEMBER_MISSING org.acme.shapes.Shape.square(int)",
                        "13 CLASS_MISSING org.acme.shapes.Shape.Builder",
                        "13 CLASS_MISSING new org.acme.shapes.Shape.Builder()",
                        // javac names an inherited field through the subclass; the JVM finds it in Shape, now static
                        "14 STATIC_MISMATCH com.example.garden.Bed.sides",
                        "14 CLASS_MISSING org.acme.shapes.Shape.Builder.build()");
        LinkageProblem first = report.problems().get(0);
        assertThat(first.sourceId()).isEqualTo("com.example:garden");
        assertThat(first.provider()).isEqualTo("org.acme:shapes:2.0");
        assertThat(first.sentence()).isEqualTo("com.example:garden:1.0 com.example.garden.Bed (Bed.java:12): "
                + "org.acme.shapes.Shape.square(int) is absent from org.acme:shapes:2.0");
    }

    @Test
    void theGateReportsSourceBreaksAndOnlyTheLinkageProblemsTheUpgradeBrings() {
        ClassPath before = shapes.classPath(shapes.v1(), "1.0");
        ClassPath after = shapes.classPath(shapes.v3(), "3.0");
        SourceReferenceExtractor x = new SourceReferenceExtractor(List.of(shapes.gardenSources()), List.of(shapes.v1()),
                owner -> before.entryOf(owner).isPresent());
        GateResult g = new UpgradeGate().evaluate(before, after, x.extract(x.sourceFiles()).references());
        assertThat(g.passed()).isFalse();
        assertThat(g.upgrades()).containsExactly(new Upgrade("org.acme:shapes", "1.0", "3.0"));
        // Builder is back in 3.0; square(int) and the instance field sides are not
        assertThat(g.breaks()).extracting(b -> ((SourceSite) b.reference().site()).line() + " " + b.outcome() + " "
                + b.reference().symbol().display())
                .containsExactly(
                        "12 MEMBER_MISSING org.acme.shapes.Shape.square(int)",
                        "14 STATIC_MISMATCH org.acme.shapes.Shape.sides");
        assertThat(g.breaks().get(0).provider()).isEqualTo("org.acme:shapes:3.0");
        assertThat(g.newLinkageProblems()).isEmpty();

        GateResult jars = new UpgradeGate().evaluate(gardenWith(shapes.v1(), "1.0"), gardenWith(shapes.v3(), "3.0"), List.of());
        // Bed overrides resize, which 3.0 made final: the class would not even load
        assertThat(jars.newLinkageProblems()).extracting(p -> p.site().line() + " " + p.outcome() + " " + p.reference().symbol().name())
                .containsExactly("0 OVERRIDES_FINAL resize", "12 MEMBER_MISSING square", "14 STATIC_MISMATCH sides");
        assertThat(jars.newLinkageProblems().get(0).sentence()).isEqualTo("com.example:garden:1.0 com.example.garden.Bed: "
                + "org.acme.shapes.Shape.resize(double) is overridden here but final in org.acme:shapes:3.0");
        // problems the class path had before the upgrade are not the upgrade's: only resize is new from 2.0 to 3.0
        GateResult again = new UpgradeGate().evaluate(gardenWith(shapes.v2(), "2.0"), gardenWith(shapes.v3(), "3.0"), List.of());
        assertThat(again.newLinkageProblems()).extracting(p -> p.reference().symbol().name()).containsExactly("resize");
        GateResult same = new UpgradeGate().evaluate(gardenWith(shapes.v2(), "2.0"), gardenWith(shapes.v2(), "2.0"), List.of());
        assertThat(same.passed()).isTrue();
    }
}
