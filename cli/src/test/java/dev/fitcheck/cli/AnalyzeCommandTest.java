package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    private Path copyOfVidi() throws IOException {
        Path src = CliRun.REPO.resolve("fixtures/vidi");
        Path dst = tmp.resolve("vidi");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
        return dst;
    }

    @Test
    void reportsTheTransformersConflictWithBothFilesAndLines() throws IOException {
        CliRun r = CliRun.of("analyze", CliRun.REPO.resolve("fixtures/vidi").toString(), "--no-live", "-o", tmp.toString());
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.out()).contains("cannot share one Python environment")
                .contains("vidi-7b needs transformers ==4.44.2 (declared, Vidi_7B/requirements.txt:1)")
                .contains("vidi-9b needs transformers ==4.50.0 (declared, Vidi1.5_9B/requirements.txt:1)");
        assertThat(tmp.resolve("report.md")).exists();
        assertThat(tmp.resolve("report.html")).exists();
        assertThat(tmp.resolve("report.json")).exists();
    }

    @Test
    void jsonCarriesTheSameVerdict() throws IOException {
        CliRun r = CliRun.of("analyze", CliRun.REPO.resolve("fixtures/vidi").toString(), "--no-live", "--json",
                "-o", tmp.toString());
        assertThat(r.code()).as(r.describe()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode transformers = null;
        for (JsonNode d : json.path("dependencies")) {
            if (d.path("distribution").asText().equals("transformers")) transformers = d;
        }
        assertThat(transformers).isNotNull();
        assertThat(transformers.path("verdict").path("status").asText()).startsWith("conflict");
        assertThat(transformers.path("verdict").path("declared").path("collision").asText())
                .contains("Vidi_7B/requirements.txt:1").contains("Vidi1.5_9B/requirements.txt:1");
        assertThat(Files.readString(tmp.resolve("report.json"))).isEqualTo(r.out());
    }

    @Test
    void failOnConflictExitsOne() {
        CliRun r = CliRun.of("analyze", CliRun.REPO.resolve("fixtures/vidi").toString(), "--no-live", "--fail-on",
                "conflict", "-o", tmp.toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
    }

    @Test
    void aMalformedRequirementIsOneSentenceWithFileAndLineAndExitTwo() throws IOException {
        Path ws = copyOfVidi();
        Path req = ws.resolve("Vidi_7B/requirements.txt");
        Files.writeString(req, Files.readString(req).replace("transformers==4.44.2", "transformers==4.44.2 ==bad"));
        CliRun r = CliRun.of("analyze", ws.toString(), "--no-live", "-o", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("fitcheck: " + req + ":1: ").doesNotContain("\tat ").hasLineCount(1);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anIncludeCycleIsBadInput() throws IOException {
        Path ws = copyOfVidi();
        Files.writeString(ws.resolve("Vidi_7B/requirements.txt"), "-r other.txt\n");
        Files.writeString(ws.resolve("Vidi_7B/other.txt"), "-r requirements.txt\n");
        CliRun r = CliRun.of("analyze", ws.toString(), "--no-live", "-o", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("cycle").doesNotContain("\tat ");
    }

    @Test
    void aMissingWorkspaceIsBadInput() {
        CliRun r = CliRun.of("analyze", tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("no workspace file here").hasLineCount(1);
    }

    @Test
    void debugPrintsTheTrace() {
        CliRun r = CliRun.of("analyze", tmp.resolve("nowhere").toString(), "--debug");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws IOException {
        Path ws = copyOfVidi();
        Files.writeString(ws.resolve("fitcheck.yaml"), "models:\n  - name: m\n    path: \"unterminated\n");
        CliRun r = CliRun.of("analyze", ws.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("fitcheck.yaml:").contains("YAML syntax error");
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRun r = CliRun.of("analyze", "--frobnicate");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("Unknown option");
    }
}
