package dev.fitcheck.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifWriterTest {

    private final SarifRule rule = new SarifRule("missing-symbol", "MissingSymbol", "A symbol the release lacks",
            "The code uses a symbol that the proposed release does not have.", "Replace the symbol.", "error");

    @Test
    void codeScanningShape() throws Exception {
        SarifFinding f = new SarifFinding("missing-symbol", "MistralFlashAttention2 is not in transformers 5.0.0",
                "Vidi_7B/model/lmm/dattn/mistral.py", 24, 5, 24, 27, "MistralFlashAttention2");
        JsonNode root = new ObjectMapper().readTree(new SarifWriter("0.1.0").write(List.of(rule), List.of(f)));

        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        JsonNode driver = root.path("runs").get(0).path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("fitcheck");
        JsonNode r = driver.path("rules").get(0);
        assertThat(r.path("id").asText()).isEqualTo("missing-symbol");
        assertThat(r.path("shortDescription").path("text").asText()).isNotBlank();
        assertThat(r.path("fullDescription").path("text").asText()).isNotBlank();
        assertThat(r.path("help").path("text").asText()).isNotBlank();
        JsonNode result = root.path("runs").get(0).path("results").get(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("missing-symbol");
        assertThat(result.path("ruleIndex").asInt()).isZero();
        assertThat(result.path("level").asText()).isEqualTo("error");
        JsonNode loc = result.path("locations").get(0).path("physicalLocation");
        assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("Vidi_7B/model/lmm/dattn/mistral.py");
        assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(24);
        assertThat(loc.path("region").path("endColumn").asInt()).isEqualTo(27);
        assertThat(result.path("partialFingerprints").path("fitcheckFindingHash/v1").asText()).hasSize(32);
        assertThat(loc.path("region").has("snippet")).isFalse();
    }

    @Test
    void theSourceLineTravelsAsTheRegionsSnippet() throws Exception {
        SarifFinding f = new SarifFinding("missing-symbol", "m", "a.py", 3, 5, 3, 9, "X", "from x import y");
        JsonNode region = new ObjectMapper().readTree(new SarifWriter("0.1.0").write(List.of(rule), List.of(f)))
                .path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation").path("region");
        assertThat(region.path("snippet").path("text").asText()).isEqualTo("from x import y");
    }

    @Test
    void fingerprintIgnoresTheLineSoMovedCodeKeepsItsIdentity() {
        SarifFinding a = new SarifFinding("missing-symbol", "m", "a.py", 24, 5, 24, 27, "X");
        SarifFinding moved = new SarifFinding("missing-symbol", "m", "a.py", 31, 5, 31, 27, "X");
        SarifFinding other = new SarifFinding("missing-symbol", "m", "a.py", 24, 5, 24, 27, "Y");
        assertThat(SarifWriter.fingerprint(a)).isEqualTo(SarifWriter.fingerprint(moved)).isNotEqualTo(SarifWriter.fingerprint(other));
    }
}
