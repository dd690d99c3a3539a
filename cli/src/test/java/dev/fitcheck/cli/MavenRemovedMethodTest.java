package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.java.InProcessCompiler;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.JarsRequest;
import dev.fitcheck.maven.JarsResult;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/maven/removed-method against real Guava releases from Maven Central: what the compiler
 * says when the fixture is compiled against 21.0 is what the gate says before the upgrade lands.
 */
class MavenRemovedMethodTest {

    static final Path PROJECT = CliRun.REPO.resolve("fixtures/maven/removed-method");
    static final String SOURCES = "fixtures/maven/removed-method/src/main/java/com/example/inventory/";

    @TempDir
    static Path tmp;
    static Path settings;
    static Path guava20;
    static Path guava21;

    @BeforeAll
    static void fetchGuava() {
        settings = MavenFixtures.testSettings(tmp.resolve("settings"));
        try (MavenResolutionSession maven = MavenResolutionSession.open(MavenSettingsReader.read(Optional.of(settings)), m -> { })) {
            ArtifactCoordinate g20 = new ArtifactCoordinate("com.google.guava", "guava", "20.0");
            ArtifactCoordinate g21 = new ArtifactCoordinate("com.google.guava", "guava", "21.0");
            JarsResult jars = maven.fetchJars(new JarsRequest(List.of(g20, g21), List.of()));
            assertThat(jars.errors()).isEmpty();
            guava20 = jars.jars().get(g20);
            guava21 = jars.jars().get(g21);
        }
    }

    /** file:line of each compile error, relative to the repository. */
    private static TreeSet<String> compileErrors(Path guava) {
        List<InProcessCompiler.Error> errors = InProcessCompiler.compile(PROJECT.resolve("src/main/java"), List.of(guava),
                tmp.resolve("classes-" + guava.getFileName()));
        TreeSet<String> out = new TreeSet<>();
        errors.forEach(e -> out.add(CliRun.REPO.relativize(e.file()) + ":" + e.line()));
        return out;
    }

    @Test
    void theGateFailsOnTheUpgradeAtExactlyTheLinesTheCompilerRejects() throws Exception {
        assertThat(compileErrors(guava20)).isEmpty();
        TreeSet<String> compilerSays = compileErrors(guava21);
        assertThat(compilerSays).containsExactly(SOURCES + "Item.java:18", SOURCES + "Item.java:37", SOURCES + "Restock.java:13");

        Path sarif = tmp.resolve("gate.sarif");
        CliRun run = CliRun.of("gate", "--upgrade", "com.google.guava:guava:21.0", "-s", settings.toString(),
                "--sarif", sarif.toString(), "--json", PROJECT.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.CHECK_FAILED);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("passed").asBoolean()).isFalse();
        JsonNode module = doc.path("modules").get(0);
        assertThat(module.path("upgrades").get(0).toString())
                .isEqualTo("{\"artifact\":\"com.google.guava:guava\",\"from\":\"20.0\",\"to\":\"21.0\"}");
        TreeSet<String> gateSays = new TreeSet<>();
        List<String> symbols = new ArrayList<>();
        for (JsonNode b : module.path("breaks")) {
            String at = b.path("at").asText();
            gateSays.add(at.substring(0, at.lastIndexOf(':')));
            symbols.add(b.path("outcome").asText() + " " + b.path("symbol").asText() + " @" + at);
        }
        // Every line the compiler rejects, and the rest of the toStringHelper chain, which javac does not
        // report once the chain's type is unknown but which must change with it (its class is gone).
        assertThat(gateSays).containsAll(compilerSays);
        assertThat(symbols).containsExactly(
                "MEMBER_MISSING com.google.common.base.Objects.firstNonNull(Object, Object) @" + SOURCES + "Item.java:18:29",
                "MEMBER_MISSING com.google.common.base.Objects.toStringHelper(Object) @" + SOURCES + "Item.java:37:24",
                "CLASS_MISSING com.google.common.base.Objects.ToStringHelper.add(String, Object) @" + SOURCES + "Item.java:38:18",
                "CLASS_MISSING com.google.common.base.Objects.ToStringHelper.add(String, Object) @" + SOURCES + "Item.java:39:18",
                "CLASS_MISSING com.google.common.base.Objects.ToStringHelper.add(String, Object) @" + SOURCES + "Item.java:40:18",
                "CLASS_MISSING com.google.common.base.Objects.ToStringHelper.toString() @" + SOURCES + "Item.java:41:18",
                "MEMBER_MISSING com.google.common.util.concurrent.MoreExecutors.sameThreadExecutor() @" + SOURCES + "Restock.java:13:69");
        assertThat(module.path("newLinkageProblems")).isEmpty();
        MavenFixtures.assertGolden(Files.readString(sarif), "removed-method-gate.sarif");
    }

    @Test
    void theTextVerdictNamesEachLine() {
        CliRun run = CliRun.of("gate", "--upgrade", "com.google.guava:guava:21.0", "-s", settings.toString(), PROJECT.toString());
        assertThat(run.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.outLines()).containsExactly(
                "gate: com.google.guava:guava:21.0",
                "dev.fitcheck.fixtures:inventory:1.0: FAILS (7 source breaks, 0 new linkage problems; 25 source references checked)",
                "  changes com.google.guava:guava 20.0 -> 21.0",
                "  " + SOURCES + "Item.java:18:29: com.google.common.base.Objects.firstNonNull(Object, Object) is absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Item.java:37:24: com.google.common.base.Objects.toStringHelper(Object) is absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Item.java:38:18: com.google.common.base.Objects.ToStringHelper.add(String, Object) is a class absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Item.java:39:18: com.google.common.base.Objects.ToStringHelper.add(String, Object) is a class absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Item.java:40:18: com.google.common.base.Objects.ToStringHelper.add(String, Object) is a class absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Item.java:41:18: com.google.common.base.Objects.ToStringHelper.toString() is a class absent from com.google.guava:guava:21.0",
                "  " + SOURCES + "Restock.java:13:69: com.google.common.util.concurrent.MoreExecutors.sameThreadExecutor() is absent from com.google.guava:guava:21.0",
                "gate FAILED");
    }

    @Test
    void theScanBoundsGuavaFromBothSidesWithTheLinesThatSetEachBound() throws Exception {
        CliRun run = CliRun.of("scan", "--versions", "[19.0,21.0]", "-s", settings.toString(),
                "--catalogue-dir", tmp.resolve("catalogues").toString(), "--json", PROJECT.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode module = new ObjectMapper().readTree(run.out()).path("modules").get(0);
        JsonNode guava = module.path("ranges").get(0);
        assertThat(guava.path("dependency").asText()).isEqualTo("com.google.guava:guava");
        assertThat(guava.path("checked").toString()).isEqualTo("[\"19.0\",\"20.0\",\"21.0\"]");
        assertThat(guava.path("range").asText()).isEqualTo("[20.0,21.0)");
        assertThat(guava.path("lower").path("failsIn").asText()).isEqualTo("19.0");
        assertThat(guava.path("lower").path("evidence").path("symbol").asText()).isEqualTo("com.google.common.graph.GraphBuilder");
        assertThat(guava.path("lower").path("evidence").path("at").asText()).isEqualTo(SOURCES + "Restock.java:3:8");
        assertThat(guava.path("upper").path("failsIn").asText()).isEqualTo("21.0");
        assertThat(guava.path("upper").path("evidence").path("at").asText()).isEqualTo(SOURCES + "Item.java:18:29");
        assertThat(guava.path("unverified")).isEmpty();
        assertThat(module.path("unresolved")).isEmpty();
        assertThat(module.path("linkageProblems")).isEmpty();
        // the catalogue is kept for the next scan, in the store every ecosystem shares
        assertThat(tmp.resolve("catalogues/maven/com.google.guava/guava.json.gz")).isRegularFile();
    }

    @Test
    void aStoredCatalogueInJavasFormerOwnFormatIsRebuiltNotAnError() throws Exception {
        Path old = tmp.resolve("old-store/maven/com.google.guava/guava.json.gz");
        Files.createDirectories(old.getParent());
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(old))) {
            out.write("{\"format\":\"fitcheck-java-catalogue/1\",\"artifact\":\"com.google.guava:guava\",\"versions\":[]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliRun run = CliRun.of("scan", "--versions", "[20.0,21.0]", "-s", settings.toString(),
                "--catalogue-dir", tmp.resolve("old-store").toString(), "--json", PROJECT.toString());
        assertThat(run.code()).as(run.describe()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("rebuilding the catalogue of com.google.guava:guava: " + old);
        JsonNode guava = new ObjectMapper().readTree(run.out()).path("modules").get(0).path("ranges").get(0);
        assertThat(guava.path("range").asText()).isEqualTo("[20.0,21.0)");
        assertThat(dev.fitcheck.catalogue.CatalogueStore.read(old).versionLabels()).containsExactly("20.0", "21.0");
    }

    @Test
    void guavasCatalogueIsBuiltFromCentralAndShowsWhereObjectsToStringHelperWent() {
        Path store = tmp.resolve("guava-store");
        CliRun build = CliRun.of("catalogue", "build", "maven:com.google.guava:guava", "--versions", "[19.0,21.0]",
                "-s", settings.toString(), "--catalogue-dir", store.toString());
        assertThat(build.code()).as(build.describe()).isZero();
        assertThat(build.outLines()).containsExactly(
                "maven:com.google.guava:guava: 3 added, 3 versions, 19.0 – 21.0; 18 packages, 1393 classes",
                "written to " + store.resolve("maven/com.google.guava/guava.json.gz"));
        CliRun show = CliRun.of("catalogue", "show", "maven:com.google.guava:guava", "com.google.common.base",
                "Objects.toStringHelper", "--catalogue-dir", store.toString());
        assertThat(show.code()).as(show.describe()).isZero();
        assertThat(show.outLines()).containsExactly(
                "maven:com.google.guava:guava com.google.common.base.Objects.toStringHelper (member): "
                        + "19.0 (oldest catalogued) – 20.0 (removed in 21.0)",
                "  as versions: [19.0,21.0)",
                "  static method toStringHelper(Ljava/lang/Class;)Lcom/google/common/base/Objects$ToStringHelper;: "
                        + "19.0 (oldest catalogued) – 20.0 (removed in 21.0)",
                "  static method toStringHelper(Ljava/lang/Object;)Lcom/google/common/base/Objects$ToStringHelper;: "
                        + "19.0 (oldest catalogued) – 20.0 (removed in 21.0)",
                "  static method toStringHelper(Ljava/lang/String;)Lcom/google/common/base/Objects$ToStringHelper;: "
                        + "19.0 (oldest catalogued) – 20.0 (removed in 21.0)");
        // built again: nothing to fetch, nothing rewritten
        CliRun again = CliRun.of("catalogue", "build", "maven:com.google.guava:guava", "--versions", "[19.0,21.0]",
                "-s", settings.toString(), "--catalogue-dir", store.toString());
        assertThat(again.outLines()).first().isEqualTo(
                "maven:com.google.guava:guava: 0 added (3 selected already catalogued), 3 versions, 19.0 – 21.0; 18 packages, 1393 classes");
    }

    @Test
    void anUpgradeToAReleaseThatDoesNotExistIsBadInput() {
        CliRun run = CliRun.of("gate", "--upgrade", "com.google.guava:guava:20.5", "-s", settings.toString(), PROJECT.toString());
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--upgrade com.google.guava:guava:20.5: expected a released version of com.google.guava:guava");
        CliRun notADependency = CliRun.of("gate", "--upgrade", "org.slf4j:slf4j-api:2.0.9", "-s", settings.toString(), PROJECT.toString());
        assertThat(notADependency.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(notADependency.err()).contains("org.slf4j:slf4j-api is not a dependency of dev.fitcheck.fixtures:inventory:1.0");
        CliRun malformed = CliRun.of("gate", "--upgrade", "com.google.guava:21.0", PROJECT.toString());
        assertThat(malformed.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(malformed.err()).contains("--upgrade: expected groupId:artifactId:version");
    }
}
