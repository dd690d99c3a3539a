package dev.fitcheck.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.testing.TestModels;
import dev.fitcheck.workspace.EnvironmentPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** From declared requirements to installer lines, shaped like Vidi 7B's manifests. */
class SpecBuilderTest {

    static final Path DIR = Path.of("/ws/Vidi_7B");

    static DeclaredRequirement declared(String name, List<String> extras, String spec, String marker, String file, int line) {
        return new DeclaredRequirement(PackageName.of(name), extras, spec, marker, Optional.empty(),
                Optional.of(SourceLocation.of(Path.of(file), line)));
    }

    static final List<DeclaredRequirement> VIDI_7B = List.of(
            declared("transformers", List.of(), "==4.44.2", "", "requirements.txt", 1),
            declared("accelerate", List.of(), "==0.33.0", "", "requirements.txt", 2),
            declared("deepspeed", List.of(), "==0.14.5", "", "requirements.txt", 3),
            declared("peft", List.of(), "", "", "requirements.txt", 4),
            declared("decord", List.of(), "", "platform_machine == \"x86_64\"", "requirements.txt", 5),
            declared("timm", List.of(), "==0.6.13", "", "requirements.txt", 6),
            declared("torch", List.of(), "==2.3.1", "", "install.sh", 3),
            declared("flash-attn", List.of(), "==2.6.3", "", "install.sh", 4),
            declared("Accelerate", List.of(), "==0.33.0", "", "install.sh", 5));

    static final EnvironmentPolicy POLICY = new EnvironmentPolicy(Map.of("tokenizers", "0.19.1"),
            List.of("torch", "torchvision", "torchaudio"), List.of("flash-attn", "deepspeed", "bitsandbytes", "decord"));

    EnvironmentSpec build(EnvironmentPolicy policy, Map<String, String> chosen, CudaPresence cuda, List<String> without) {
        return new SpecBuilder().build(new SpecRequest(TestModels.model("vidi-7b", DIR, policy, Optional.empty()), VIDI_7B,
                chosen, cuda, TestModels.python(), IndexOptions.defaults(), InstallerKind.UV, without));
    }

    @Test
    void withoutCudaTheTorchFamilyIsInheritedAndCudaPackagesLeftOut() {
        EnvironmentSpec s = build(POLICY, Map.of(), CudaPresence.absent("no nvidia-smi"), List.of());

        assertThat(s.requirements()).extracting(SpecRequirement::text)
                .containsExactly("transformers==4.44.2", "accelerate==0.33.0", "peft", "timm==0.6.13");
        assertThat(s.requirements().get(1).origin()).isEqualTo("requirements.txt:2");
        assertThat(s.leftOut()).extracting(LeftOut::display).containsExactly(
                "deepspeed==0.14.5 (needs CUDA, which this machine lacks; requirements.txt:3)",
                "decord ; platform_machine == \"x86_64\" (needs CUDA, which this machine lacks; requirements.txt:5)",
                "torch==2.3.1 (inherited from the base interpreter; install.sh:3)",
                "flash-attn==2.6.3 (needs CUDA, which this machine lacks; install.sh:4)",
                "torchvision (inherited from the base interpreter)",
                "torchaudio (inherited from the base interpreter)",
                "bitsandbytes (needs CUDA, which this machine lacks)");
        assertThat(s.excluded()).extracting(PackageName::value).containsExactlyInAnyOrder("torch", "torchvision",
                "torchaudio", "flash-attn", "deepspeed", "bitsandbytes", "decord");
        // A pin for a package no manifest names binds only if something pulls it in.
        assertThat(s.constraints()).extracting(SpecRequirement::text).containsExactly("tokenizers==0.19.1");
    }

    @Test
    void withCudaOnlyTheInheritedAreLeftOut() {
        EnvironmentSpec s = build(POLICY, Map.of(), CudaPresence.present("nvidia-smi"), List.of());

        assertThat(s.requirements()).extracting(SpecRequirement::text).contains("deepspeed==0.14.5",
                "decord ; platform_machine == \"x86_64\"", "flash-attn==2.6.3");
        assertThat(s.excluded()).extracting(PackageName::value).containsExactlyInAnyOrder("torch", "torchvision", "torchaudio");
    }

    @Test
    void pinsBeatChosenReleasesWhichBeatTheManifests() {
        EnvironmentPolicy pinned = new EnvironmentPolicy(Map.of("accelerate", ">=0.33,<0.34"), List.of(), List.of());

        EnvironmentSpec s = build(pinned, Map.of("transformers", "4.46.3", "accelerate", "1.0.0"),
                CudaPresence.present("test"), List.of("deepspeed"));

        assertThat(s.requirements()).filteredOn(r -> r.name().value().equals("transformers")).singleElement()
                .satisfies(r -> {
                    assertThat(r.text()).isEqualTo("transformers==4.46.3");
                    assertThat(r.origin()).isEqualTo("release chosen by fitcheck, over requirements.txt:1");
                });
        // Both accelerate lines (requirements.txt and install.sh) become the one pin.
        assertThat(s.requirements()).filteredOn(r -> r.name().value().equals("accelerate")).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("accelerate>=0.33,<0.34"));
        assertThat(s.leftOut()).filteredOn(l -> l.name().value().equals("deepspeed")).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(LeftOut.Reason.ON_REQUEST));
    }

    @Test
    void extrasAndMarkersSurviveAPin() {
        DeclaredRequirement d = declared("transformers", List.of("torch", "sentencepiece"), ">=4.40", "python_version >= \"3.9\"",
                "requirements.txt", 1);

        assertThat(d.textWithSpecifier("==4.44.2"))
                .isEqualTo("transformers[torch,sentencepiece]==4.44.2 ; python_version >= \"3.9\"");
    }

    @Test
    void theFingerprintFollowsWhatIsInstalledNotWhereItWasWritten() {
        EnvironmentSpec a = build(POLICY, Map.of(), CudaPresence.absent("x"), List.of());
        EnvironmentSpec same = build(POLICY, Map.of(), CudaPresence.absent("y"), List.of());
        EnvironmentSpec other = build(POLICY, Map.of("transformers", "4.46.3"), CudaPresence.absent("x"), List.of());

        assertThat(a.fingerprint()).hasSize(64).isEqualTo(same.fingerprint()).isNotEqualTo(other.fingerprint());
        assertThat(a.withInstaller(InstallerKind.PIP).fingerprint()).isNotEqualTo(a.fingerprint());
    }
}
