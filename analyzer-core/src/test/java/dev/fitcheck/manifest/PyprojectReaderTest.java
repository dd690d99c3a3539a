package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PyprojectReaderTest {

    private static final Path DIR = Path.of("src/test/resources/manifests/pyproject");
    private static final String D = "src/test/resources/manifests/pyproject/";
    private static final ManifestResult VIDI = ManifestReader.read(DIR.resolve("pyproject.toml"));

    private static String sentence(Runnable reading) {
        try {
            reading.run();
        } catch (InputError e) {
            return e.sentence();
        }
        throw new AssertionError("expected an InputError");
    }

    @Test
    void dependenciesKeepTheLineTheirStringIsOn() {
        assertThat(VIDI.kind()).isEqualTo(ManifestKind.PYPROJECT);
        assertThat(VIDI.requirements()).extracting(r -> r + " @" + r.location().line()).containsExactly(
                "transformers==4.50.0 @10", "accelerate==1.5.2 @11", "numpy==1.26.4 @12",
                "torch>=2.3; sys_platform == \"linux\" @13", "liger-kernel @14",
                "deepspeed==0.16.4; extra == \"train\" @18", "peft; extra == \"train\" @18",
                "flash-attn==2.8.3; extra == \"gpu\" @20",
                "bitsandbytes; platform_machine == \"x86_64\" and extra == \"gpu\" @21");
        assertThat(VIDI.requirement("transformers").orElseThrow().location().display()).isEqualTo(D + "pyproject.toml:10");
    }

    @Test
    void optionalDependenciesApplyOnlyWhenTheirExtraIsRequested() {
        Requirement flash = VIDI.requirement("flash-attn").orElseThrow();
        MarkerEnvironment linux = MarkerEnvironment.linuxCpython("3.10");
        assertThat(flash.appliesTo(linux)).isFalse();
        assertThat(flash.appliesTo(linux.withExtras(Set.of("GPU")))).isTrue();
        assertThat(flash.appliesTo(linux.withExtras(Set.of("train")))).isFalse();
    }

    @Test
    void requiresPythonIsReadWithItsLine() {
        assertThat(VIDI.requiresPython().orElseThrow().specifier()).hasToString(">=3.10");
        assertThat(VIDI.requiresPython().orElseThrow().location().display()).isEqualTo(D + "pyproject.toml:8");
    }

    @Test
    void otherTablesAreNotDependencies() {
        assertThat(VIDI.requirement("not-this")).isEmpty();
        assertThat(VIDI.requirement("setuptools")).as("build requirements are not runtime dependencies").isEmpty();
    }

    @Test
    void aTomlSyntaxErrorNamesItsLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad-toml/pyproject.toml"))))
                .isEqualTo(D + "bad-toml/pyproject.toml:5: TOML syntax error: More data after value has already ended");
    }

    @Test
    void aMalformedRequirementStringNamesItsLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad-requirement/pyproject.toml"))))
                .isEqualTo(D + "bad-requirement/pyproject.toml:7: invalid requirement \"accelerate>>1.0\": the version clause "
                        + "\">>1.0\" is invalid: \">1.0\" is not a PEP 440 version: expected a release number such as 1.2.3 at column 11");
    }
}
