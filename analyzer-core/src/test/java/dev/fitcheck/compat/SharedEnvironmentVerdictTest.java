package dev.fitcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SharedEnvironmentVerdictTest {

    private static final List<Version> RELEASES = Stream.of("4.44.2", "4.46.0", "4.47.1", "4.48.0", "4.50.0", "4.57.6")
            .map(Version::parse).toList();

    private static Constraint c(String model, String spec, ConstraintSource source, String reason, String file, int line) {
        return new Constraint(model, "transformers", SpecifierSet.parse(spec).toVersionSet(), source, reason,
                SourceLocation.of(Path.of(file), line));
    }

    private final Constraint pin7 = c("vidi-7b", "==4.44.2", ConstraintSource.DECLARED, "declared", "Vidi_7B/requirements.txt", 1);
    private final Constraint code7 = c("vidi-7b", "<4.48.0", ConstraintSource.INFERRED_UPPER, "MistralFlashAttention2",
            "Vidi_7B/model/lmm/dattn/mistral.py", 24);
    private final Constraint pin9 = c("vidi-9b", "==4.50.0", ConstraintSource.DECLARED, "declared", "Vidi1.5_9B/requirements.txt", 1);
    private final Constraint code9 = c("vidi-9b", ">=4.46.0", ConstraintSource.INFERRED_LOWER, "FlashAttentionKwargs",
            "Vidi1.5_9B/vidi/model/lmm/dattn/gemma.py", 35);

    private PackageVerdict judge(Map<String, List<Constraint>> byModel) {
        return new SharedEnvironmentVerdict().judge("transformers", byModel, RELEASES);
    }

    @Test
    void pinsCollideWhileTheCodeCouldShareAWindow() {
        Map<String, List<Constraint>> byModel = new LinkedHashMap<>();
        byModel.put("vidi-7b", List.of(pin7, code7));
        byModel.put("vidi-9b", List.of(pin9, code9));
        PackageVerdict v = judge(byModel);

        assertThat(v.shared()).isFalse();
        assertThat(v.declared().collision().orElseThrow().explain()).isEqualTo(
                "because vidi-7b needs transformers ==4.44.2 (declared, Vidi_7B/requirements.txt:1) and vidi-9b needs "
                        + "transformers ==4.50.0 (declared, Vidi1.5_9B/requirements.txt:1), vidi-7b and vidi-9b cannot share an environment");
        assertThat(v.code().possible()).isTrue();
        assertThat(v.code().allowed()).hasToString(">=4.46.0,<4.48.0");
        assertThat(v.code().releasesNewestFirst()).extracting(Object::toString).containsExactly("4.47.1", "4.46.0");
        // Effective: the inferred constraint is preferred as the reason when it collides.
        assertThat(v.effective().collision().orElseThrow().first()).isEqualTo(code7);
        assertThat(v.effective().collision().orElseThrow().second()).isEqualTo(pin9);
    }

    @Test
    void codeThatCannotShareExplainsWithBothSymbols() {
        Constraint needs50 = c("vidi-9b", ">=4.50.0", ConstraintSource.INFERRED_LOWER, "Gemma3Thing", "g.py", 3);
        Map<String, List<Constraint>> byModel = new LinkedHashMap<>();
        byModel.put("vidi-7b", List.of(code7));
        byModel.put("vidi-9b", List.of(needs50));
        PackageVerdict v = judge(byModel);
        assertThat(v.code().collision().orElseThrow().explain()).isEqualTo(
                "because vidi-7b needs transformers <4.48.0 (MistralFlashAttention2, Vidi_7B/model/lmm/dattn/mistral.py:24) "
                        + "and vidi-9b needs transformers >=4.50.0 (Gemma3Thing, g.py:3), vidi-7b and vidi-9b cannot share an environment");
    }

    @Test
    void sharedWhenEveryModelAllowsARelease() {
        Map<String, List<Constraint>> byModel = new LinkedHashMap<>();
        byModel.put("a", List.of(c("a", ">=4.46", ConstraintSource.DECLARED, "declared", "a.txt", 2)));
        byModel.put("b", List.of(c("b", "<4.50", ConstraintSource.DECLARED, "declared", "b.txt", 5)));
        PackageVerdict v = judge(byModel);
        assertThat(v.shared()).isTrue();
        assertThat(v.effective().releasesNewestFirst()).extracting(Object::toString).containsExactly("4.48.0", "4.47.1", "4.46.0");
        assertThat(v.effective().collision()).isEmpty();
    }

    @Test
    void aModelWhosePinExcludesItsOwnCode() {
        Map<String, List<Constraint>> byModel = new LinkedHashMap<>();
        byModel.put("vidi-7b", List.of(c("vidi-7b", "==4.50.0", ConstraintSource.DECLARED, "declared", "r.txt", 1), code7));
        PackageVerdict v = judge(byModel);
        assertThat(v.effective().collision().orElseThrow().explain()).startsWith("because vidi-7b needs transformers <4.48.0")
                .endsWith(", no release of transformers satisfies vidi-7b");
    }
}
