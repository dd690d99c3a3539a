package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.java.InProcessCompiler;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.JarsRequest;
import dev.fitcheck.maven.JarsResult;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettingsReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fixtures/maven/linkage: audit-lib compiled against Guava 20.0 (here, by the test) and published
 * into a file repository; the shop on Guava 20.0 is consistent, the same shop on Guava 21.0
 * compiles and starts, then fails with NoSuchMethodError at the line fitcheck names.
 */
class MavenLinkageTest {

    @TempDir
    static Path tmp;
    static Path settings;
    static Path linkage;
    static Path guava20;
    static Path guava21;
    static Path auditLib;

    @BeforeAll
    static void publishAuditLib() throws Exception {
        settings = MavenFixtures.testSettings(tmp.resolve("settings"));
        // what an earlier run published is stale if the fixture changed: never resolve it from the cache
        MavenFixtures.deleteTree(MavenFixtures.testLocalRepository().resolve("dev/fitcheck/fixtures"));
        linkage = tmp.resolve("linkage");
        MavenFixtures.copyTree(CliRun.REPO.resolve("fixtures/maven/linkage"), linkage);
        try (MavenResolutionSession maven = MavenResolutionSession.open(MavenSettingsReader.read(Optional.of(settings)), m -> { })) {
            ArtifactCoordinate g20 = new ArtifactCoordinate("com.google.guava", "guava", "20.0");
            ArtifactCoordinate g21 = new ArtifactCoordinate("com.google.guava", "guava", "21.0");
            JarsResult jars = maven.fetchJars(new JarsRequest(List.of(g20, g21), List.of()));
            assertThat(jars.errors()).isEmpty();
            guava20 = jars.jars().get(g20);
            guava21 = jars.jars().get(g21);
        }
        Path published = Files.createDirectories(linkage.resolve("repo/dev/fitcheck/fixtures/audit-lib/1.0"));
        auditLib = InProcessCompiler.buildJar(linkage.resolve("audit-lib/src/main/java"), List.of(guava20), tmp,
                published.resolve("audit-lib-1.0.jar"));
        Files.copy(linkage.resolve("audit-lib/pom.xml"), published.resolve("audit-lib-1.0.pom"));
        // the metadata a repository keeps per artifact: how the resolver lists its releases
        Files.writeString(published.getParent().resolve("maven-metadata.xml"), """
                <metadata><groupId>dev.fitcheck.fixtures</groupId><artifactId>audit-lib</artifactId>
                <versioning><latest>1.0</latest><release>1.0</release><versions><version>1.0</version></versions>
                </versioning></metadata>
                """);
    }

    @Test
    void theJvmFailsWhereTheScanSaysTheClassPathIsBroken() throws Exception {
        CliRun run = CliRun.of("scan", "-s", settings.toString(), "--catalogue-dir", tmp.resolve("catalogues").toString(),
                "--json", linkage.resolve("app-on-guava-21").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode module = new ObjectMapper().readTree(run.out()).path("modules").get(0);
        assertThat(module.path("errors")).isEmpty();
        JsonNode problems = module.path("linkageProblems");
        // toStringHelper at line 12, then the rest of its chain (13-15) on the class Guava 21.0 dropped
        assertThat(problems.findValuesAsText("at")).containsExactly(
                "dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:12)",
                "dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:13)",
                "dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:14)",
                "dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:15)");
        JsonNode p = problems.get(0);
        assertThat(p.path("from").asText()).isEqualTo("dev.fitcheck.fixtures:audit-lib");
        assertThat(p.path("symbol").asText()).isEqualTo("com.google.common.base.Objects.toStringHelper(String)");
        assertThat(p.path("outcome").asText()).isEqualTo("MEMBER_MISSING");
        assertThat(p.path("provider").asText()).isEqualTo("com.google.guava:guava:21.0");
        assertThat(p.path("at").asText()).isEqualTo("dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:12)");

        JsonNode conflict = module.path("versionConflicts").get(0);
        assertThat(conflict.path("artifact").asText()).isEqualTo("com.google.guava:guava");
        assertThat(conflict.path("selected").asText()).isEqualTo("21.0");
        assertThat(conflict.path("requests").findValuesAsText("version")).containsExactly("20.0", "21.0");

        // The proof: compile the shop against that class path (it compiles), run it, and watch it fail.
        Path shopClasses = InProcessCompiler.compileOrFail(linkage.resolve("app/src/main/java"), List.of(auditLib, guava21),
                tmp.resolve("shop-classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                shopClasses.toUri().toURL(), auditLib.toUri().toURL(), guava21.toUri().toURL()}, null)) {
            Method receipt = loader.loadClass("com.example.shop.Checkout").getMethod("receipt", String.class);
            assertThatThrownBy(() -> receipt.invoke(null, "A-1"))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .isInstanceOf(NoSuchMethodError.class)
                    .hasMessageContaining("com.google.common.base.Objects.toStringHelper(java.lang.String)")
                    .satisfies(e -> {
                        StackTraceElement top = e.getStackTrace()[0];
                        assertThat(top.getClassName() + " (" + top.getFileName() + ":" + top.getLineNumber() + ")")
                                .isEqualTo("com.example.audit.AuditLog (AuditLog.java:12)");
                    });
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                shopClasses.toUri().toURL(), auditLib.toUri().toURL(), guava20.toUri().toURL()}, null)) {
            Method receipt = loader.loadClass("com.example.shop.Checkout").getMethod("receipt", String.class);
            assertThat(receipt.invoke(null, "A-1")).isEqualTo("AuditEvent{event=checkout, subject={order=A-1}}");
        }
    }

    @Test
    void onAConsistentClassPathTheOtherJarBoundsGuavaAndTheGateCatchesTheUpgrade() throws Exception {
        Path app = linkage.resolve("app");
        CliRun scan = CliRun.of("scan", "--versions", "[20.0,22.0]", "-s", settings.toString(),
                "--catalogue-dir", tmp.resolve("catalogues").toString(), "--json", app.toString());
        assertThat(scan.code()).as(scan.err()).isEqualTo(ExitCode.OK);
        JsonNode module = new ObjectMapper().readTree(scan.out()).path("modules").get(0);
        assertThat(module.path("linkageProblems")).isEmpty();
        assertThat(module.path("versionConflicts")).isEmpty();
        JsonNode guava = module.path("ranges").findParents("dependency").stream()
                .filter(n -> n.path("dependency").asText().equals("com.google.guava:guava")).findFirst().orElseThrow();
        // the shop's own calls (ImmutableMap.of) work on every release; audit-lib's toStringHelper does not
        assertThat(guava.path("range").asText()).isEqualTo("[20.0,21.0)");
        assertThat(guava.path("upper").path("evidence").path("at").asText())
                .isEqualTo("dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:12)");

        Path sarif = tmp.resolve("linkage-gate.sarif");
        CliRun gate = CliRun.of("gate", "--upgrade", "com.google.guava:guava:21.0", "-s", settings.toString(),
                "--sarif", sarif.toString(), app.toString());
        assertThat(gate.code()).as(gate.err()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(gate.outLines()).contains(
                "dev.fitcheck.fixtures:shop:1.0: FAILS (0 source breaks, 4 new linkage problems; 4 source references checked)",
                "  linkage: dev.fitcheck.fixtures:audit-lib:1.0 com.example.audit.AuditLog (AuditLog.java:12): "
                        + "com.google.common.base.Objects.toStringHelper(String) is absent from com.google.guava:guava:21.0");
        // code scanning shows it at the pom line that brings audit-lib in
        JsonNode result = new ObjectMapper().readTree(Files.readString(sarif)).path("runs").get(0).path("results").get(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("java/linkage-error");
        JsonNode region = result.path("locations").get(0).path("physicalLocation");
        assertThat(region.path("artifactLocation").path("uri").asText()).isEqualTo("pom.xml"); // the temporary copy is not in a git checkout: its root is the project
        assertThat(region.path("region").path("startLine").asInt()).isEqualTo(23);
    }

    @Test
    void aProblemTheClassPathAlreadyHasIsNotTheUpgradesFault() {
        CliRun gate = CliRun.of("gate", "--upgrade", "com.google.guava:guava:22.0", "-s", settings.toString(),
                linkage.resolve("app-on-guava-21").toString());
        assertThat(gate.code()).as(gate.out() + gate.err()).isEqualTo(ExitCode.OK);
        assertThat(gate.outLines()).contains("gate passed");
    }
}
