package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One store format for every ecosystem: a Maven catalogue (Maven versions, JVM descriptors,
 * modifiers, Java's kinds) goes through it byte for byte like a Python one, and a Python
 * catalogue is written exactly as format version 1 wrote it unless a decorator renames a keyword
 * in it (format version 3).
 */
class CatalogueStoreTest {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static ReleaseApi.Name javaClass(SymbolKind kind, boolean exported, List<String> bases, Set<Modifier> mods,
                                             Map<String, ReleaseApi.Member> members) {
        return new ReleaseApi.Name(kind, false, exported, null, bases, null, members, mods);
    }

    private static ReleaseApi.Member method(String descriptor, Modifier... mods) {
        return new ReleaseApi.Member(SymbolKind.METHOD, Signature.jvm(descriptor), Set.of(mods));
    }

    /** Three releases of a small Java library, given out of order, in the shapes a jar gives. */
    static ApiCatalogue javaLibrary() {
        CatalogueAccumulator acc = new CatalogueAccumulator(Ecosystem.MAVEN, "org.acme:shapes");
        List<String> object = List.of("java.lang:Object");
        acc.add(new ReleaseApi("2.0-M1", Map.of("org.acme.shapes", new ReleaseApi.Module(Map.of(
                "Shape", javaClass(SymbolKind.CLASS, true, List.of("org.acme.shapes:Base"), Set.of(), Map.of(
                        "<init>()V", new ReleaseApi.Member(SymbolKind.CONSTRUCTOR, Signature.jvm("()V"), Set.of()),
                        "sides", new ReleaseApi.Member(SymbolKind.FIELD, Signature.jvm("J"), Set.of(Modifier.STATIC)))),
                "Base", javaClass(SymbolKind.CLASS, false, object, Set.of(), Map.of("area()D", method("()D"))),
                "Drawable", javaClass(SymbolKind.INTERFACE, true, object, Set.of(), Map.of()))))
                , List.of()));
        acc.add(new ReleaseApi("1.0", Map.of("org.acme.shapes", new ReleaseApi.Module(Map.of(
                "Shape", javaClass(SymbolKind.CLASS, true, List.of("java.lang:Object", "org.acme.shapes:Drawable"), Set.of(),
                        Map.of("<init>()V", new ReleaseApi.Member(SymbolKind.CONSTRUCTOR, Signature.jvm("()V"), Set.of()),
                                "square(I)Lorg/acme/shapes/Shape;", method("(I)Lorg/acme/shapes/Shape;", Modifier.STATIC),
                                "area()D", method("()D"),
                                "sides", new ReleaseApi.Member(SymbolKind.FIELD, Signature.jvm("I"), Set.of()))),
                "Shape$Builder", javaClass(SymbolKind.CLASS, true, object, Set.of(Modifier.FINAL),
                        Map.of("build()Lorg/acme/shapes/Shape;", method("()Lorg/acme/shapes/Shape;"),
                                "copy()V", method("()V", Modifier.PROTECTED, Modifier.FINAL))),
                "Drawable", javaClass(SymbolKind.INTERFACE, true, object, Set.of(), Map.of())))), List.of()));
        acc.add(new ReleaseApi("2.0", Map.of("org.acme.shapes", new ReleaseApi.Module(Map.of(
                "Shape", javaClass(SymbolKind.RECORD, true, List.of("java.lang:Record"), Set.of(Modifier.FINAL), Map.of()),
                "Kind", javaClass(SymbolKind.ENUM, true, List.of("java.lang:Enum"), Set.of(Modifier.FINAL), Map.of()),
                "Marker", javaClass(SymbolKind.ANNOTATION, true, object, Set.of(), Map.of())))), List.of()));
        return acc.toCatalogue();
    }

    private static byte[] bytes(ApiCatalogue c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogueStore.write(c, out);
        return out.toByteArray();
    }

    private static JsonNode json(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void aMavenCatalogueRoundTripsByteForByte() throws IOException {
        ApiCatalogue c = javaLibrary();
        assertThat(c.versionLabels()).containsExactly("1.0", "2.0-M1", "2.0");
        byte[] first = bytes(c);
        assertThat(bytes(javaLibrary())).isEqualTo(first);

        Path file = new CatalogueDirectory(dir).save(c);
        assertThat(dir.relativize(file)).hasToString("maven/org.acme/shapes.json.gz");
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        ApiCatalogue back = CatalogueStore.read(file);
        assertThat(back.ecosystem()).isEqualTo("maven");
        assertThat(back.packageName()).isEqualTo("org.acme:shapes");
        assertThat(back.axis()).isEqualTo(c.axis());
        assertThat(back.modules()).isEqualTo(c.modules());
        assertThat(bytes(back)).isEqualTo(first);

        JsonNode doc = json(first);
        assertThat(doc.path("formatVersion").asInt()).isEqualTo(2);
        assertThat(doc.path("versions").toString()).isEqualTo("[\"1.0\",\"2.0-M1\",\"2.0\"]");
    }

    @Test
    void javasKindsSignaturesAndModifiersReadBackPerVersion() {
        ApiCatalogue c = javaLibrary();
        NameApi shape = c.name("org.acme.shapes", "Shape").orElseThrow();
        assertThat(shape.variants()).extracting(v -> v.kind() + " " + v.versions())
                .containsExactly("CLASS 0-1", "RECORD 2");
        assertThat(shape.bases()).extracting(b -> b.value() + " " + b.versions()).containsExactly(
                "[java.lang:Object, org.acme.shapes:Drawable] 0", "[org.acme.shapes:Base] 1", "[java.lang:Record] 2");
        assertThat(shape.with(Modifier.FINAL)).hasToString("2");
        MemberApi sides = shape.members().get("sides");
        assertThat(sides.signatures()).extracting(s -> s.value().descriptor() + " " + s.versions())
                .containsExactly("I 0", "J 1");
        assertThat(sides.with(Modifier.STATIC)).hasToString("1");
        assertThat(c.name("org.acme.shapes", "Shape$Builder").orElseThrow().members().get("copy()V").modifiers())
                .singleElement().satisfies(m -> assertThat(m.value()).containsExactlyInAnyOrder(Modifier.PROTECTED, Modifier.FINAL));
        // a member named without its descriptor finds its overloads, and one inherited from a base in the artifact
        assertThat(ApiCatalogue.membersNamed(shape, "square")).extracting(MemberApi::member)
                .containsExactly("square(I)Lorg/acme/shapes/Shape;");
        assertThat(c.memberPresence("org.acme.shapes", "Shape", "area").present()).hasToString("0-1");
        assertThat(c.rangeText(c.namePresence("org.acme.shapes", "Shape$Builder"))).isEqualTo("[1.0,2.0-M1)");
    }

    @Test
    void selectingReleasesGivesTheBytesOfACatalogueBuiltFromThoseReleasesAlone() throws IOException {
        ApiCatalogue c = javaLibrary();
        CatalogueAccumulator acc = CatalogueAccumulator.of(c);
        ApiCatalogue without = c.select(List.of("1.0", "2.0"));
        assertThat(without.versionLabels()).containsExactly("1.0", "2.0");
        assertThat(without.name("org.acme.shapes", "Base")).isEmpty();
        assertThat(bytes(without)).isEqualTo(bytes(acc.toCatalogue(v -> !v.equals("2.0-M1"))));
        assertThat(c.select(List.of("1.0", "2.0-M1", "2.0", "9.9"))).isSameAs(c);
    }

    @Test
    void everyCommittedPythonCatalogueIsWrittenBackAsTheSameBytesInTheLowestFormatVersion() throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve("rules/catalogues"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList()) {
                byte[] committed = Files.readAllBytes(f);
                ApiCatalogue c = CatalogueStore.read(f);
                assertThat(c.ecosystem()).isEqualTo("pypi");
                assertThat(bytes(c)).as(f.toString()).isEqualTo(committed);
                // version 1 unless a decorator renames a keyword somewhere (version 3)
                boolean renames = false;
                for (JsonNode s : json(committed).path("signatures")) renames |= s.asText().contains("->");
                assertThat(json(committed).path("formatVersion").asInt()).as(f.toString()).isEqualTo(renames ? 3 : 1);
            }
        }
    }

    @Test
    void aFormatVersionFromTheFutureOrAnEcosystemNotKnownIsAnInputErrorNamingTheFile() throws IOException {
        String doc = "{\"format\":\"fitcheck-api-catalogue\",\"formatVersion\":%d,\"ecosystem\":\"%s\",\"package\":\"x\","
                + "\"versions\":[],\"strings\":[],\"signatures\":[],\"requirements\":[],\"modules\":[]}";
        Path future = gz(dir.resolve("future.json.gz"), doc.formatted(4, "maven"));
        assertThatThrownBy(() -> CatalogueStore.read(future)).isInstanceOfSatisfying(InputError.class,
                e -> assertThat(e.sentence()).startsWith(future.toString())
                        .contains("format version 4 is not one this fitcheck reads (1 to 3)"));
        Path npm = gz(dir.resolve("npm.json.gz"), doc.formatted(2, "npm"));
        assertThatThrownBy(() -> CatalogueStore.read(npm)).isInstanceOf(InputError.class)
                .hasMessageContaining("ecosystem 'npm' is not one of pypi, maven");
        Path unordered = gz(dir.resolve("unordered.json.gz"), doc.formatted(2, "maven").replace("\"versions\":[]",
                "\"versions\":[\"2.0\",\"2.0-M1\"]"));
        assertThatThrownBy(() -> CatalogueStore.read(unordered)).isInstanceOf(InputError.class)
                .hasMessageContaining("must ascend: 2.0 before 2.0-M1");
    }

    @Test
    void aModuleIsDecodedWhenAskedForAndABrokenOneIsAnInputErrorNamingIt() throws IOException {
        String doc = "{\"format\":\"fitcheck-api-catalogue\",\"formatVersion\":1,\"ecosystem\":\"pypi\",\"package\":\"x\","
                + "\"versions\":[\"1.0\"],\"strings\":[\"Good\",\"x\",\"x.bad\"],\"signatures\":[],\"requirements\":[],"
                + "\"modules\":[[1,\"0\",[[0,[[\"C\",0,-1,\"0\"]]]]],[2,\"0\",[[0,[[\"no such kind\",0,-1,\"0\"]]]]]]}";
        ApiCatalogue c = CatalogueStore.read(gz(dir.resolve("lazy.json.gz"), doc));
        assertThat(c.modules().keySet()).containsExactly("x", "x.bad");
        assertThat(c.modules().get("x").names()).containsOnlyKeys("Good");
        assertThatThrownBy(() -> c.modules().get("x.bad").names().size()).isInstanceOfSatisfying(InputError.class,
                e -> assertThat(e.sentence()).contains("lazy.json.gz").contains("module x.bad"));
        // brackets that never close are refused when the file is read, not later
        Path cut = gz(dir.resolve("cut.json.gz"), doc.substring(0, doc.length() - 20));
        assertThatThrownBy(() -> CatalogueStore.read(cut)).isInstanceOfSatisfying(InputError.class,
                e -> assertThat(e.sentence()).contains("cut.json.gz"));
    }

    @Test
    void aSecondReadTakesTheUnpackedCopyAndADamagedCopyIsPassedOver() throws IOException {
        Path committed = REPO.resolve("rules/catalogues/peft.json.gz");
        Path copy = Files.copy(committed, dir.resolve("peft.json.gz"));
        String key = UnpackedCatalogues.key(Files.readAllBytes(copy));
        ApiCatalogue first = CatalogueStore.read(copy);
        assertThat(UnpackedCatalogues.load(key)).isPresent();
        ApiCatalogue second = CatalogueStore.read(copy);
        assertThat(bytes(second)).isEqualTo(bytes(first)).isEqualTo(Files.readAllBytes(committed));
        // a cut index, then an index whose module ids point nowhere: both ignored, the file read the long way
        Path index = UnpackedCatalogues.directory().resolve(key + ".idx");
        byte[] good = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(bytes(CatalogueStore.read(copy))).isEqualTo(bytes(first));
        byte[] wrongIds = Files.readAllBytes(index);
        for (int i = 12; i + 4 <= wrongIds.length - 4; i += 20) {
            java.nio.ByteBuffer.wrap(wrongIds).putInt(i, 1 << 30);
        }
        Files.write(index, wrongIds);
        assertThat(bytes(CatalogueStore.read(copy))).isEqualTo(bytes(first));
    }

    @Test
    void packageNamesThatWouldLeaveTheStoreAreRefused() {
        CatalogueDirectory store = new CatalogueDirectory(dir);
        assertThat(dir.relativize(store.pathOf(Ecosystem.PYPI, "transformers"))).hasToString("pypi/transformers.json.gz");
        assertThatThrownBy(() -> store.pathOf(Ecosystem.MAVEN, "../etc:passwd")).isInstanceOf(InputError.class)
                .hasMessageContaining("expected a groupId");
        assertThatThrownBy(() -> store.pathOf(Ecosystem.MAVEN, "guava")).isInstanceOf(InputError.class)
                .hasMessageContaining("groupId:artifactId");
        assertThatThrownBy(() -> store.pathOf(Ecosystem.PYPI, "a/b")).isInstanceOf(InputError.class);
    }

    private static Path gz(Path file, String json) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
