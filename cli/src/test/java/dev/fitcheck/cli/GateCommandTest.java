package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {

    private static final String VIDI = CliRun.REPO.resolve("fixtures/vidi").toString();

    @TempDir
    Path tmp;

    @Test
    void transformers5BreaksBothModelsAtTheRightLines() throws IOException {
        Path sarif = tmp.resolve("gate.sarif");
        CliRun r = CliRun.of("gate", "--upgrade", "transformers==5.0.0", VIDI, "--sarif", sarif.toString());
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).contains("breaks vidi-7b, vidi-9b")
                .contains("Vidi_7B/model/lmm/dattn/mistral.py:24:33: MistralFlashAttention2 is not in transformers 5.0.0 (removed in 4.48.0)")
                .contains("Vidi1.5_9B/vidi/model/lmm/dattn/gemma.py:31:59: HybridCache is not in transformers 5.0.0 (removed in 5.0.0)")
                .contains("Vidi_7B/requirements.txt:1: transformers 5.0.0 is outside ==4.44.2")
                .contains("Vidi1.5_9B/requirements.txt:1: transformers 5.0.0 is outside ==4.50.0");

        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0);
        List<String> results = new ArrayList<>();
        for (JsonNode res : run.path("results")) {
            JsonNode loc = res.path("locations").get(0).path("physicalLocation");
            results.add(res.path("ruleId").asText() + " " + loc.path("artifactLocation").path("uri").asText() + ":"
                    + loc.path("region").path("startLine").asInt() + "-" + loc.path("region").path("endColumn").asInt());
        }
        // URIs are relative to the repository; the region spans the symbol itself.
        assertThat(results).contains("missing-symbol fixtures/vidi/Vidi_7B/model/lmm/dattn/mistral.py:24-55",
                "pin-excludes fixtures/vidi/Vidi_7B/requirements.txt:1-21");
    }

    @Test
    void aReleaseInsideEveryRangeStillBreaksOnThePinsOnly() {
        CliRun r = CliRun.of("gate", "--upgrade", "transformers==4.47.1", VIDI, "--json");
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).contains("\"kind\" : \"pin-excludes\"").doesNotContain("\"missing-symbol\"")
                .contains("Vidi1.5_9B/vidi/model/lmm/dattn/gemma.py:176");
    }

    @Test
    void upgradesFromAChangedRequirementsFile() throws IOException {
        Path base = Files.writeString(tmp.resolve("base.txt"), "transformers==4.44.2\naccelerate==0.33.0\n");
        Path head = Files.writeString(tmp.resolve("head.txt"), "transformers==5.0.0\naccelerate==0.33.0\n");
        CliRun r = CliRun.of("gate", "--requirements", base.toString(), head.toString(), VIDI);
        assertThat(r.code()).as(r.describe()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).contains("gate: transformers==5.0.0 breaks").doesNotContain("accelerate==");
    }

    @Test
    void aMalformedUpgradeIsBadInput() {
        CliRun r = CliRun.of("gate", "--upgrade", "transformers>=5", VIDI);
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("expected PACKAGE==VERSION");
    }
}
