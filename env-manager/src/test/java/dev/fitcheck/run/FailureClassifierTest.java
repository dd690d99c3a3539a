package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bundled rules/errors.yaml against failure outputs written in the exact formats torch,
 * transformers and model builders print.
 */
class FailureClassifierTest {

    static final TestApiHistory TRANSFORMERS = new TestApiHistory("transformers",
            List.of("4.44.2", "4.45.0", "4.46.0", "4.47.1", "4.48.0", "4.57.6"),
            Map.of("transformers.models.mistral.modeling_mistral.MistralFlashAttention2", TestApiHistory.range(0, 4)));

    final FailureClassifier classifier = new FailureClassifier(FailureRules.bundled(),
            CatalogueSymbolHistory.of(List.of(TRANSFORMERS)));

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = FailureClassifierTest.class.getResourceAsStream("/failures/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    Diagnosis primary(String resource) throws IOException {
        List<Diagnosis> d = classifier.classify(lines(resource), 1, Optional.empty());
        assertThat(d).as(resource).isNotEmpty();
        return d.get(0);
    }

    @Test
    void cudaOutOfMemoryWithTheFiguresItPrinted() throws IOException {
        Diagnosis d = primary("oom-torch25.txt");

        assertThat(d.rule()).isEqualTo("cuda-out-of-memory");
        assertThat(d.figures()).contains(entry("tried", "2.00 GiB"), entry("gpu", "0"), entry("total", "23.64 GiB"),
                entry("free", "1.02 GiB"), entry("inuse", "22.19 GiB"), entry("allocated", "21.43 GiB"));
        assertThat(d.diagnosis()).isEqualTo(
                "GPU 0 ran out of memory: the run asked for 2.00 GiB more while only 1.02 GiB of its 23.64 GiB was free.");
        assertThat(d.fix()).contains("--stop-services");
    }

    @Test
    void cudaOutOfMemoryInOlderTorchsFormat() throws IOException {
        Diagnosis d = primary("oom-torch20.txt");

        assertThat(d.rule()).isEqualTo("cuda-out-of-memory");
        assertThat(d.figures()).contains(entry("tried", "20.00 MiB"), entry("total", "23.69 GiB"),
                entry("allocated", "22.51 GiB"), entry("free", "13.06 MiB"));
    }

    @Test
    void aQuantizedTowerUsedOutsideItsQuantizedForward() throws IOException {
        Diagnosis d = primary("dtype-quantized.txt");

        assertThat(d.rule()).isEqualTo("quantized-module-outside-quantized-forward");
        assertThat(d.figures()).contains(entry("input", "Half"), entry("weight", "Byte"));
        assertThat(d.fix()).contains("llm_int8_skip_modules").contains("lm_head")
                .contains("a custom list replaces the default one");
    }

    @Test
    void anOrdinaryDtypeMismatchIsNotBlamedOnQuantization() {
        List<Diagnosis> d = classifier.classify(List.of(
                "RuntimeError: self and mat2 must have the same dtype, but got Float and Half"), 1, Optional.empty());

        assertThat(d).singleElement().satisfies(x -> assertThat(x.rule()).isEqualTo("dtype-mismatch"));
    }

    @Test
    void theBuildersConnectionErrorIsExplainedByWhatWasPrintedBeforeIt() throws IOException {
        List<Diagnosis> all = classifier.classify(lines("misleading-connection-error.txt"), 1, Optional.empty());

        assertThat(all.get(0).rule()).isEqualTo("misleading-weights-download-error");
        assertThat(all.get(0).diagnosis()).contains("The real cause was printed just before it: Error loading model: "
                + "You can't pass `load_in_4bit`or `load_in_8bit`");
        assertThat(all).extracting(Diagnosis::rule).contains("quantization-arguments-conflict");
    }

    @Test
    void flashAttentionMissing() throws IOException {
        assertThat(primary("flash-attn-missing.txt").rule()).isEqualTo("flash-attn-missing");
    }

    @Test
    void cudaUnavailable() throws IOException {
        Diagnosis d = primary("cuda-unavailable.txt");
        assertThat(d.rule()).isEqualTo("cuda-unavailable");
        assertThat(d.diagnosis()).contains("Found no NVIDIA driver on your system");
    }

    @Test
    void aMissingSymbolIsToldWithItsHistoryInTheCatalogue() throws IOException {
        Diagnosis d = primary("missing-symbol.txt");

        assertThat(d.rule()).isEqualTo("missing-symbol");
        assertThat(d.diagnosis()).isEqualTo("MistralFlashAttention2 exists in transformers 4.44.2 – 4.47.1; removed in 4.48.0");
        assertThat(d.fix()).contains("transformers >=4.44.2,<4.48.0");
    }

    @Test
    void theSymbolHistoryAnswersAgainstTheInstalledVersion() {
        CatalogueSymbolHistory h = CatalogueSymbolHistory.of(List.of(TRANSFORMERS));

        assertThat(h.lookup("transformers.models.mistral.modeling_mistral", "MistralFlashAttention2",
                Optional.of("4.57.6")).orElseThrow().sentence())
                .isEqualTo("MistralFlashAttention2 exists in transformers 4.44.2 – 4.47.1; it was removed in 4.48.0 "
                        + "and 4.57.6 is installed");
        assertThat(h.lookup("transformers.models.mistral.modeling_mistral", "NoSuchThing", Optional.empty())
                .orElseThrow().sentence()).contains("is in no catalogued release of transformers (4.44.2 – 4.57.6)");
        assertThat(h.lookup("accelerate.utils", "x", Optional.empty())).isEmpty();
    }

    @Test
    void aSilentKillIsRecognisedByItsExitCode() {
        List<Diagnosis> d = classifier.classify(List.of("Loading checkpoint shards:  50%"), 137, Optional.empty());

        assertThat(d).singleElement().satisfies(x -> assertThat(x.rule()).isEqualTo("killed"));
    }

    @Test
    void anUnknownFailureHasNoDiagnosis() {
        assertThat(classifier.classify(List.of("ValueError: something odd"), 1, Optional.empty())).isEmpty();
    }
}
