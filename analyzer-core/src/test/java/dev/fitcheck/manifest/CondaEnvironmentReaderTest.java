package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CondaEnvironmentReaderTest {

    private static final Path DIR = Path.of("src/test/resources/manifests/conda");
    private static final String D = "src/test/resources/manifests/conda/";
    private static final ManifestResult ENV = ManifestReader.read(DIR.resolve("environment.yml"));

    private static Requirement req(String name) {
        return ENV.requirement(name).orElseThrow(() -> new AssertionError("no requirement " + name));
    }

    private static String sentence(Runnable reading) {
        try {
            reading.run();
        } catch (InputError e) {
            return e.sentence();
        }
        throw new AssertionError("expected an InputError");
    }

    @Test
    void condaSpecsBecomeCondaRequirementsWithTheirLines() {
        assertThat(ENV.requirements()).filteredOn(r -> r.origin() == Requirement.Origin.CONDA)
                .extracting(r -> r + " @" + r.location().line()).containsExactly(
                        "python==3.10.* @7", "pytorch==2.3.1.* @8", "pytorch-cuda==12.1.* @9", "cudatoolkit==12.1.* @10",
                        "numpy<2,>=1.26 @11", "openssl @12", "ffmpeg @13", "libgcc-ng>=12 @14", "pip @15");
    }

    @Test
    void aSingleEqualsIsCondasFuzzyMatch() {
        assertThat(req("pytorch").specifier().contains(Version.parse("2.3.1.post2"))).isTrue();
        assertThat(req("pytorch").specifier().contains(Version.parse("2.3.10"))).isFalse();
        assertThat(req("python").specifier().contains(Version.parse("3.10.14"))).isTrue();
    }

    @Test
    void theChannelPrefixIsKept() {
        assertThat(req("pytorch").condaChannel()).contains("pytorch");
        assertThat(req("numpy").condaChannel()).isEmpty();
    }

    @Test
    void channelsAreIndexOptionsAndThePythonPinIsRequiresPython() {
        assertThat(ENV.indexOptions()).extracting(o -> o.kind() + " " + o.value().orElse("-") + " @" + o.location().line())
                .containsExactly("CONDA_CHANNEL pytorch @3", "CONDA_CHANNEL nvidia @4", "CONDA_CHANNEL conda-forge @5",
                        "EXTRA_INDEX_URL https://download.pytorch.org/whl/cu121 @19");
        assertThat(ENV.requiresPython().orElseThrow().specifier()).hasToString("==3.10.*");
    }

    @Test
    void thePipListIsARequirementsFileRelativeToTheEnvironmentFile() {
        assertThat(ENV.requirements()).filteredOn(r -> r.origin() == Requirement.Origin.PIP)
                .extracting(r -> r + " " + r.location().display()).containsExactly(
                        "accelerate==0.33.0 " + D + "requirements-pip.txt:1",
                        "transformers==4.44.2 " + D + "environment.yml:18",
                        "flash-attn==2.6.3 " + D + "environment.yml:20");
    }

    @Test
    void versionsPep440CannotSayAreWarnings() {
        assertThat(ENV.warnings()).extracting(ManifestWarning::sentence).containsExactly(
                D + "environment.yml:12: conda version \"1.1.1w\" of openssl is not a PEP 440 version range; "
                        + "the requirement is kept without a version constraint");
        assertThat(req("openssl").specifier().isEmpty()).isTrue();
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad-yaml/environment.yml"))))
                .isEqualTo(D + "bad-yaml/environment.yml:6: YAML syntax error: expected <block end>, but found '<block sequence start>'");
    }

    @Test
    void anEntryThatIsNeitherSpecNorPipListNamesItsLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad-spec/environment.yml"))))
                .isEqualTo(D + "bad-spec/environment.yml:4: expected a conda spec such as numpy>=1.26 or a pip: list, "
                        + "found a mapping with keys [conda]");
    }
}
