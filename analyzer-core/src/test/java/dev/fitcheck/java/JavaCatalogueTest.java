package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueDirectory;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCatalogueTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    @Test
    void releasesInMavenOrderAndHistoriesAsIndexSets() {
        JavaCatalogue c = shapes.catalogue();
        assertThat(c.versions()).containsExactly("1.0", "2.0", "3.0");
        ClassHistory builder = c.history("org/acme/shapes/Shape$Builder").orElseThrow();
        assertThat(builder.present()).isEqualTo(VersionIndexSet.of(0, 2));
        assertThat(builder.present().toString()).isEqualTo("[0,1) [2,3)");
        ClassHistory shape = c.history("org/acme/shapes/Shape").orElseThrow();
        assertThat(shape.members().get("square (I)Lorg/acme/shapes/Shape;").present()).isEqualTo(VersionIndexSet.of(0));
        assertThat(shape.members().get("sides I").staticIn()).isEqualTo(VersionIndexSet.range(1, 3));
        assertThat(shape.interfaces().get("org/acme/shapes/Drawable")).isEqualTo(VersionIndexSet.of(0));
        assertThat(c.history("org/acme/shapes/Base").orElseThrow().members().get("perimeter ()D").present())
                .isEqualTo(VersionIndexSet.range(1, 3));
    }

    @Test
    void aReleaseViewIsThatReleasesClasses() {
        JavaCatalogue c = shapes.catalogue();
        assertThat(c.at(1).find("org/acme/shapes/Shape$Builder")).isEmpty();
        ClassApi shape2 = c.at(1).find("org/acme/shapes/Shape").orElseThrow();
        assertThat(shape2.interfaces()).containsExactly("java/lang/Comparable");
        assertThat(shape2.members()).noneMatch(m -> m.name().equals("square"));
        assertThat(shape2.members()).anyMatch(m -> m.name().equals("sides") && m.isStatic());
    }

    @Test
    void selectingReleasesReindexes() {
        JavaCatalogue c = shapes.catalogue().select(List.of("1.0", "3.0"));
        assertThat(c.versions()).containsExactly("1.0", "3.0");
        assertThat(c.history("org/acme/shapes/Shape$Builder").orElseThrow().present()).isEqualTo(VersionIndexSet.range(0, 2));
        assertThat(c.history("org/acme/shapes/Base").orElseThrow().members().get("perimeter ()D").present())
                .isEqualTo(VersionIndexSet.of(1));
    }

    @Test
    void storedInTheSharedStoreAsDeterministicGzipJsonAndReadBackEqual() throws IOException {
        JavaCatalogue c = shapes.catalogue();
        CatalogueDirectory store = new CatalogueDirectory(work.resolve("a"));
        Path a = store.save(c.api());
        assertThat(work.resolve("a").relativize(a)).hasToString("maven/org.acme/shapes.json.gz");
        Path b = work.resolve("b.json.gz");
        CatalogueStore.write(shapes.catalogue().api(), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        JavaCatalogue back = new JavaCatalogue(store.load(Ecosystem.MAVEN, "org.acme:shapes").orElseThrow());
        assertThat(back.versions()).isEqualTo(c.versions());
        assertThat(back.classes()).isEqualTo(c.classes());
        CatalogueStore.write(back.api(), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void extendingAStoredCatalogueKeepsWhatItHad() {
        JarApiReader reader = new JarApiReader();
        ApiCatalogue first = new JavaCatalogueBuilder("org.acme:shapes").add("2.0", reader.read(shapes.v2())).build();
        JavaCatalogue extended = new JavaCatalogue(JavaCatalogueBuilder.from(first)
                .add("1.0", reader.read(shapes.v1()))
                .add("3.0", reader.read(shapes.v3()))
                .build());
        assertThat(extended.classes()).isEqualTo(shapes.catalogue().classes());
    }

    @Test
    void aReleaseReadAgainReplacesWhatItsEarlierReadingBrought() {
        JarApiReader reader = new JarApiReader();
        // a snapshot's jar changes under one version: the second reading is the one that counts
        JavaCatalogue c = new JavaCatalogue(new JavaCatalogueBuilder("org.acme:shapes")
                .add("1.0", reader.read(shapes.v1()))
                .add("2.0", reader.read(shapes.v1()))
                .add("3.0", reader.read(shapes.v3()))
                .add("2.0", reader.read(shapes.v2()))
                .build());
        assertThat(c.classes()).isEqualTo(shapes.catalogue().classes());
    }

    @Test
    void aFileThatIsNotACatalogueIsAnInputErrorNamingIt() throws IOException {
        Path bad = work.resolve("bad.json.gz");
        Files.writeString(bad, "not gzip");
        assertThatThrownBy(() -> CatalogueStore.read(bad))
                .isInstanceOfSatisfying(InputError.class, e -> assertThat(e.sentence()).startsWith(bad.toString())
                        .contains("not a fitcheck API catalogue"));
    }
}
