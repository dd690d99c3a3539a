package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.java.InProcessCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fitcheck catalogue build|show} on a Java library: two releases of our own, compiled here,
 * catalogued into the store every ecosystem shares and queried offline. 2.0-M1 (a Maven milestone,
 * no PEP 440 version) sits between them in Maven's order.
 */
class JavaCatalogueCommandTest {

    @TempDir
    Path tmp;
    Path store;
    Path v1;
    Path m1;
    Path v2;

    private Path release(String version, String shape, String builder) throws IOException {
        Path src = tmp.resolve("src-" + version);
        Files.createDirectories(src.resolve("org/acme/shapes"));
        Files.writeString(src.resolve("org/acme/shapes/Shape.java"), shape);
        if (builder != null) Files.writeString(src.resolve("org/acme/shapes/Builder.java"), builder);
        return InProcessCompiler.buildJar(src, List.of(), tmp.resolve("work-" + version), tmp.resolve("shapes-" + version + ".jar"));
    }

    @BeforeEach
    void compile() throws IOException {
        store = tmp.resolve("store");
        v1 = release("1.0", """
                package org.acme.shapes;
                public class Shape {
                    public int sides;
                    public static Shape square(int side) { return new Shape(); }
                    public static Shape square(long side) { return new Shape(); }
                    public double area() { return 0; }
                }
                """, "package org.acme.shapes;\npublic final class Builder {\n    public Shape build() { return new Shape(); }\n}\n");
        m1 = release("2.0-M1", """
                package org.acme.shapes;
                public class Shape implements Comparable<Shape> {
                    public static int sides;
                    public static Shape square(long side) { return new Shape(); }
                    public final double area() { return 0; }
                    public int compareTo(Shape o) { return 0; }
                }
                """, null);
        v2 = release("2.0", """
                package org.acme.shapes;
                public class Shape implements Comparable<Shape> {
                    public static long sides;
                    public static Shape square(long side) { return new Shape(); }
                    public final double area() { return 0; }
                    public int compareTo(Shape o) { return 0; }
                }
                """, null);
    }

    private CliRun build(Path... jars) {
        List<String> args = new java.util.ArrayList<>(List.of("catalogue", "build", "maven:org.acme:shapes",
                "--catalogue-dir", store.toString()));
        for (Path j : jars) args.addAll(List.of("--archive", j.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun show(String... what) {
        List<String> args = new java.util.ArrayList<>(List.of("catalogue", "show", "maven:org.acme:shapes"));
        args.addAll(List.of(what));
        args.addAll(List.of("--catalogue-dir", store.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void buildsIntoTheSharedStoreAndShowsMembersWithTheirOverloadsAndModifiers() {
        CliRun built = build(v2, v1);
        assertThat(built.code()).as(built.describe()).isZero();
        Path file = store.resolve("maven/org.acme/shapes.json.gz");
        assertThat(built.outLines()).containsExactly("maven:org.acme:shapes: 2 added, 2 versions, 1.0 – 2.0; 1 packages, 2 classes",
                "written to " + file);
        // extending with a release in the middle, as a later build does
        CliRun extended = build(m1);
        assertThat(extended.code()).as(extended.describe()).isZero();
        assertThat(extended.outLines()).first().isEqualTo("maven:org.acme:shapes: 1 added, 3 versions, 1.0 – 2.0; 1 packages, 2 classes");

        CliRun square = show("org.acme.shapes", "Shape.square");
        assertThat(square.code()).as(square.describe()).isZero();
        assertThat(square.outLines()).containsExactly(
                "maven:org.acme:shapes org.acme.shapes.Shape.square (member): 1.0 (oldest catalogued) – 2.0 (newest catalogued)",
                "  as versions: [1.0,)",
                "  static method square(I)Lorg/acme/shapes/Shape;: 1.0 (oldest catalogued) (removed in 2.0-M1)",
                "  static method square(J)Lorg/acme/shapes/Shape;: 1.0 (oldest catalogued) – 2.0 (newest catalogued)");
        assertThat(show("org.acme.shapes", "Shape.sides").outLines()).containsExactly(
                "maven:org.acme:shapes org.acme.shapes.Shape.sides (member): 1.0 (oldest catalogued) – 2.0 (newest catalogued)",
                "  as versions: [1.0,)",
                "  field sides: 1.0 (oldest catalogued) – 2.0 (newest catalogued)",
                "    type I: 1.0 (oldest catalogued) – 2.0-M1 (changed in 2.0)",
                "    type J: 2.0 (newest catalogued)",
                "    static: 2.0-M1 – 2.0 (newest catalogued)");
        assertThat(show("org.acme.shapes", "Builder").outLines()).containsExactly(
                "maven:org.acme:shapes org.acme.shapes.Builder (class): 1.0 (oldest catalogued) (removed in 2.0-M1)",
                "  as versions: [1.0,2.0-M1)",
                "  final class: 1.0 (oldest catalogued) (removed in 2.0-M1)",
                "  bases java.lang:Object: 1.0 (oldest catalogued) (changed in 2.0-M1)",
                "  2 members; `fitcheck catalogue show maven:org.acme:shapes org.acme.shapes Builder.MEMBER` for one");
        assertThat(show("org.acme.shapes", "Shape").outLines()).contains(
                "  bases java.lang:Object: 1.0 (oldest catalogued) (changed in 2.0-M1)",
                "  bases java.lang:Object, java.lang:Comparable: 2.0-M1 – 2.0 (newest catalogued)");
    }

    @Test
    void showPrintsJsonWithMavenRangesAndVersions() throws IOException {
        assertThat(build(v1, m1, v2).code()).isZero();
        CliRun r = show("org.acme.shapes", "Shape.area", "--json");
        assertThat(r.code()).as(r.describe()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("ecosystem").asText()).isEqualTo("maven");
        assertThat(j.path("catalogued").asText()).isEqualTo("1.0 – 2.0");
        assertThat(j.path("versions").asText()).isEqualTo("[1.0,)");
        JsonNode area = j.path("members").get(0);
        assertThat(area.path("member").asText()).isEqualTo("area()D");
        assertThat(area.path("modifiers").get(0).path("modifiers").asText()).isEqualTo("final");
        assertThat(area.path("modifiers").get(0).path("present").get(0).path("from").asText()).isEqualTo("2.0-M1");
        ApiCatalogue stored = CatalogueStore.read(store.resolve("maven/org.acme/shapes.json.gz"));
        assertThat(stored.versionLabels()).containsExactly("1.0", "2.0-M1", "2.0");
    }

    @Test
    void aMissingCatalogueOrAWrongNameIsExit2WithWhatToDo() {
        CliRun none = show("org.acme.shapes", "Shape");
        assertThat(none.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("no API catalogue of maven:org.acme:shapes (looked in "
                + store.resolve("maven/org.acme/shapes.json.gz") + "); build one with `fitcheck catalogue build maven:org.acme:shapes");
        CliRun malformed = CliRun.of("catalogue", "show", "maven:guava", "x");
        assertThat(malformed.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(malformed.err()).contains("expected a Maven artifact as maven:groupId:artifactId, got 'maven:guava'");
        Path python = CliRun.REPO.resolve("rules/catalogues/peft.json.gz");
        CliRun wrongEcosystem = CliRun.of("catalogue", "show", "maven:org.acme:shapes", "x", "--catalogue", python.toString());
        assertThat(wrongEcosystem.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrongEcosystem.err()).contains(python + ": is the catalogue of pypi package peft, not of maven:org.acme:shapes");
    }
}
