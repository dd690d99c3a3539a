package dev.fitcheck.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.java.ConvergenceProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real resolution against Maven Central (cached under ~/.cache/fitcheck-test/m2). */
class MavenResolutionSessionTest {

    @TempDir
    Path tmp;

    private MavenResolutionSession open(List<String> downloads) {
        Path settings = TestRepositories.settings(tmp, TestRepositories.localRepository(), null);
        return MavenResolutionSession.open(MavenSettingsReader.read(Optional.of(settings)), downloads::add);
    }

    private static DeclaredDependency dep(MavenProject p, String id) {
        return p.dependencies().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void effectivePomTakesVersionsFromTheParentPropertiesAndAnImportedBomAndSaysWhere() {
        Path parent = TestRepositories.fixture("managed/pom.xml");
        try (MavenResolutionSession maven = open(new ArrayList<>())) {
            ProjectResult result = maven.readProject(ProjectRequest.of(parent));
            assertThat(result.modules()).extracting(m -> m.project().label())
                    .containsExactly("dev.fitcheck.fixtures:managed-parent:1.0", "dev.fitcheck.fixtures:service:1.0");
            assertThat(result.codeModules()).hasSize(1);
            MavenProject service = result.codeModules().get(0).project();

            DeclaredDependency annotations = dep(service, "com.fasterxml.jackson.core:jackson-annotations");
            assertThat(annotations.version()).isEqualTo("2.17.2");
            // the version comes from the BOM the parent imports, through ${jackson.version}
            assertThat(annotations.versionLocation().orElseThrow().file().toString()).endsWith("jackson-bom-2.17.2.pom");
            assertThat(annotations.declaredAt().orElseThrow().file()).isEqualTo(TestRepositories.fixture("managed/service/pom.xml"));
            assertThat(annotations.declaredAt().orElseThrow().line()).isEqualTo(14);

            DeclaredDependency codec = dep(service, "commons-codec:commons-codec");
            assertThat(codec.version()).isEqualTo("1.16.0");
            assertThat(codec.versionLocation().orElseThrow().file()).isEqualTo(TestRepositories.fixture("managed/pom.xml"));
            assertThat(codec.versionLocation().orElseThrow().line()).isEqualTo(32);
            assertThat(dep(service, "org.apache.httpcomponents:httpclient").versionLocation().orElseThrow().line()).isEqualTo(25);
            assertThat(service.sourceDirectory()).isEqualTo(TestRepositories.fixture("managed/service/src/main/java"));
        }
    }

    @Test
    void convergenceProblemsAsTheEnforcerReportsThemAndWhatNearestWinsPicked() {
        try (MavenResolutionSession maven = open(new ArrayList<>())) {
            MavenModule service = maven.readProject(ProjectRequest.of(TestRepositories.fixture("managed/service/pom.xml")))
                    .codeModules().get(0);
            assertThat(service.errors()).isEmpty();
            // commons-codec: httpclient asks for 1.11 but dependencyManagement pins 1.16.0 everywhere: no conflict
            assertThat(service.convergence()).extracting(ConvergenceProblem::artifact).containsExactly("commons-logging:commons-logging");
            ConvergenceProblem logging = service.convergence().get(0);
            assertThat(logging.selectedVersion()).isEqualTo("1.3.0");
            assertThat(logging.requests()).extracting(r -> String.join(" > ", r.path())).containsExactly(
                    "dev.fitcheck.fixtures:service:1.0 > org.apache.httpcomponents:httpclient:4.5.14 > commons-logging:commons-logging:1.2",
                    "dev.fitcheck.fixtures:service:1.0 > commons-logging:commons-logging:1.3.0");
            assertThat(logging.enforcerText()).startsWith(
                    "Dependency convergence error for commons-logging:commons-logging:1.3.0 (nearest-wins selected 1.3.0) paths to dependency are:\n"
                            + "+-dev.fitcheck.fixtures:service:1.0\n"
                            + "  +-org.apache.httpcomponents:httpclient:4.5.14\n"
                            + "    +-commons-logging:commons-logging:1.2\n"
                            + "and\n");
            GraphNode httpclient = service.tree().children().stream().filter(n -> n.artifactId().equals("httpclient"))
                    .findFirst().orElseThrow();
            GraphNode managedCodec = httpclient.children().stream().filter(n -> n.artifactId().equals("commons-codec"))
                    .findFirst().orElseThrow();
            assertThat(managedCodec.version()).isEqualTo("1.16.0");
            assertThat(managedCodec.premanagedVersion()).contains("1.11");

            assertThat(service.classPath()).extracting(ResolvedJar::label).containsExactly(
                    "com.fasterxml.jackson.core:jackson-annotations:2.17.2",
                    "commons-codec:commons-codec:1.16.0",
                    "org.apache.httpcomponents:httpclient:4.5.14",
                    "org.apache.httpcomponents:httpcore:4.4.16",
                    "commons-logging:commons-logging:1.3.0");
            assertThat(service.classPath()).allSatisfy(j -> assertThat(j.file()).isRegularFile()
                    .startsWith(TestRepositories.localRepository()));
            assertThat(service.classPath()).filteredOn(ResolvedJar::direct).hasSize(4);
        }
    }

    @Test
    void releasedVersionsInMavensOrderAndJarsFetched() {
        try (MavenResolutionSession maven = open(new ArrayList<>())) {
            VersionsResult versions = maven.listVersions(new VersionsRequest(
                    List.of("com.google.guava:guava", "dev.fitcheck.fixtures:no-such-artifact"), List.of()));
            List<String> guava = versions.versions().get("com.google.guava:guava");
            assertThat(guava).containsSubsequence("19.0", "20.0", "21.0", "32.1.3-jre", "33.0.0-jre");
            assertThat(guava.indexOf("33.0.0-android")).isLessThan(guava.indexOf("33.0.0-jre"));
            assertThat(versions.errors()).extracting(ResolutionError::item).containsExactly("dev.fitcheck.fixtures:no-such-artifact");

            ArtifactCoordinate g20 = new ArtifactCoordinate("com.google.guava", "guava", "20.0");
            ArtifactCoordinate missing = new ArtifactCoordinate("com.google.guava", "guava", "0.0.0-none");
            JarsResult jars = maven.fetchJars(new JarsRequest(List.of(g20, missing), List.of()));
            assertThat(jars.jars().get(g20)).isRegularFile().hasFileName("guava-20.0.jar");
            assertThat(jars.errors()).extracting(ResolutionError::item).containsExactly("com.google.guava:guava:0.0.0-none");
        }
    }

    @Test
    void mirrorsAndTheLocalRepositoryFromSettingsAreHonoured() throws IOException {
        // A file repository standing in for a company mirror: it holds one artifact Central has never seen.
        Path mirror = tmp.resolve("mirror");
        Path dir = Files.createDirectories(mirror.resolve("com/example/internal/widget/1.0"));
        Files.writeString(dir.resolve("widget-1.0.pom"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>com.example.internal</groupId>
                <artifactId>widget</artifactId><version>1.0</version></project>
                """);
        Files.write(dir.resolve("widget-1.0.jar"), emptyJar());
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>uses-widget</artifactId>
                <version>1</version><dependencies><dependency><groupId>com.example.internal</groupId>
                <artifactId>widget</artifactId><version>1.0</version></dependency></dependencies></project>
                """);
        Path local = tmp.resolve("local-repo");
        Path settings = TestRepositories.settings(tmp.resolve("s"), local, mirror.toUri().toString());
        List<String> downloads = new ArrayList<>();
        try (MavenResolutionSession maven = MavenResolutionSession.open(MavenSettingsReader.read(Optional.of(settings)), downloads::add)) {
            MavenModule m = maven.readProject(ProjectRequest.of(project.resolve("pom.xml"))).modules().get(0);
            assertThat(m.errors()).isEmpty();
            assertThat(m.classPath()).singleElement().satisfies(j -> {
                assertThat(j.label()).isEqualTo("com.example.internal:widget:1.0");
                assertThat(j.file()).startsWith(local);
            });
        }
        assertThat(downloads).containsExactly("downloaded widget-1.0.jar");
    }

    @Test
    void aBrokenPomIsAnInputErrorWithItsLine() throws IOException {
        Path pom = tmp.resolve("pom.xml");
        Files.writeString(pom, "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>x</groupId>\n  <artifactId>y\n</project>\n");
        try (MavenResolutionSession maven = open(new ArrayList<>())) {
            assertThatThrownBy(() -> maven.readProject(ProjectRequest.of(pom)))
                    .isInstanceOf(InputError.class)
                    .satisfies(e -> {
                        InputError ie = (InputError) e;
                        assertThat(ie.location().orElseThrow().file()).isEqualTo(pom);
                        assertThat(ie.location().orElseThrow().line()).isEqualTo(5);
                        assertThat(ie.sentence()).contains("expected a valid Maven pom");
                    });
            assertThatThrownBy(() -> maven.readProject(ProjectRequest.of(tmp.resolve("nowhere/pom.xml"))))
                    .isInstanceOf(InputError.class)
                    .hasMessageContaining("expected a Maven pom.xml here");
        }
    }

    private static byte[] emptyJar() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
