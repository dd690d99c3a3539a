package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReferenceExtractorTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    private static SourceReferences extract(Path sourceRoot, Path jar) {
        ClassPath cp = shapes.classPath(jar, "1.0");
        SourceReferenceExtractor x = new SourceReferenceExtractor(List.of(sourceRoot), List.of(jar),
                owner -> cp.entryOf(owner).isPresent());
        return x.extract(x.sourceFiles());
    }

    private static List<String> lines(SourceReferences refs) {
        return refs.references().stream().map(r -> {
            SourceSite s = (SourceSite) r.site();
            JavaSymbol y = r.symbol();
            return s.line() + ":" + s.start().column() + " " + y.kind() + " " + y.owner().substring(y.owner().lastIndexOf('/') + 1)
                    + (y.name().isEmpty() ? "" : "." + y.name()) + (y.kind() == SymbolKind.FIELD ? ":" : "") + y.descriptor()
                    + y.isStatic().map(st -> st ? " static" : "").orElse("");
        }).toList();
    }

    @Test
    void everyUseOfTheLibraryWithItsLineAndColumn() {
        SourceReferences refs = extract(shapes.gardenSources(), shapes.v1());
        assertThat(refs.files()).isEqualTo(1);
        assertThat(refs.parseProblems()).isEmpty();
        assertThat(lines(refs)).containsExactly(
                "3:8 CLASS Shape",
                "4:15 MEMBER Shape.UNIT static",
                "6:26 CLASS Shape",
                "8:9 CONSTRUCTOR Shape.<init>(ID)V",
                "12:9 CLASS Shape",
                "12:25 METHOD Shape.square(I)Lorg/acme/shapes/Shape; static",
                "13:9 CLASS Shape",
                "13:15 CLASS Shape$Builder",
                "13:31 CLASS Shape",
                "13:31 CONSTRUCTOR Shape$Builder.<init>()V",
                "13:37 CLASS Shape$Builder",
                "14:18 METHOD Shape.draw()Ljava/lang/String;",
                "14:27 FIELD Shape.sides:I",
                "14:35 FIELD Shape.UNIT:Ljava/lang/String; static",
                "14:44 METHOD Shape.area()D",
                // name() is declared in the package-private base; lookups walk through it
                "14:55 METHOD Base.name()Ljava/lang/String;",
                "14:75 FIELD Shape$Kind.ROUND:Lorg/acme/shapes/Shape$Kind; static",
                "14:85 METHOD Shape$Builder.build()Lorg/acme/shapes/Shape;",
                "19:15 METHOD Shape.resize(D)V");
        assertThat(refs.unresolved()).isEmpty();
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsLineAndTheRestIsStillRead() throws IOException {
        Path root = work.resolve("broken-src");
        Path pkg = Files.createDirectories(root.resolve("com/example"));
        Files.writeString(pkg.resolve("Bad.java"), "package com.example;\nclass Bad {\n  void f( {\n}\n");
        Files.writeString(pkg.resolve("Good.java"), "package com.example;\nclass Good extends org.acme.shapes.Shape {\n"
                + "  Good() { super(1, 1); }\n}\n");
        SourceReferences refs = extract(root, shapes.v1());
        assertThat(refs.parseProblems()).singleElement().asString().contains("Bad.java:3");
        assertThat(lines(refs)).contains("3:12 CONSTRUCTOR Shape.<init>(ID)V");
    }
}
