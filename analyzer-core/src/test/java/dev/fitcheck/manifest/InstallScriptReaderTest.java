package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallScriptReaderTest {

    private static final Path DIR = Path.of("src/test/resources/manifests/shell");
    private static final String D = "src/test/resources/manifests/shell/";
    private static final ManifestResult SCRIPT = ManifestReader.read(DIR.resolve("install.sh"));

    private static Requirement req(String name) {
        return SCRIPT.requirement(name).orElseThrow(() -> new AssertionError("no requirement " + name));
    }

    @Test
    void everyPipInstallFormIsRead() {
        assertThat(SCRIPT.kind()).isEqualTo(ManifestKind.SHELL_SCRIPT);
        assertThat(SCRIPT.requirements()).filteredOn(r -> r.origin() == Requirement.Origin.PIP)
                .extracting(r -> r + " @" + r.location().line()).containsExactly(
                "torch==2.3.1 @6", "torchvision==0.18.1 @6", "torchaudio==2.3.1 @6",
                "flash-attn==2.6.3 @7",
                "accelerate>=0.33 @8",
                "deepspeed==0.14.5 @10",
                "timm==0.6.13 @1",
                "httpx==0.22.0 @12",
                "numpy<2 @13",
                ". @14",
                "sentencepiece==0.1.99 @15",
                "pip @20");
    }

    @Test
    void condaCreateAndInstallSpecsAreCondaRequirements() {
        assertThat(SCRIPT.requirements()).filteredOn(r -> r.origin() == Requirement.Origin.CONDA)
                .extracting(r -> r + " @" + r.location().line())
                .containsExactly("python==3.10.* @21", "pytorch==2.3.1 @21", "pytorch-cuda==12.1.* @21");
        assertThat(SCRIPT.requiresPython().orElseThrow().specifier()).hasToString("==3.10.*");
    }

    @Test
    void commentsEchoHeredocsAndUninstallsAreNotInstalls() {
        assertThat(SCRIPT.requirement("not-an-install")).isEmpty();
        assertThat(SCRIPT.requirement("inside-a-heredoc")).isEmpty();
        assertThat(SCRIPT.requirement("apex")).isEmpty();
        assertThat(SCRIPT.requirements()).noneMatch(r -> r.specifier().toString().equals("==0.0.1"));
    }

    @Test
    void theTorchIndexAndBuildFlagsTravelWithTheirRequirements() {
        assertThat(req("torch").installOptions()).containsExactly("--index-url=https://download.pytorch.org/whl/cu121");
        assertThat(req("flash-attn").installOptions()).containsExactly("--no-build-isolation");
        assertThat(req("accelerate").installOptions()).containsExactly("--upgrade");
        assertThat(SCRIPT.indexOptions()).extracting(o -> o.kind() + " " + o.value().orElse("-") + " @" + o.location().line())
                .containsExactly("INDEX_URL https://download.pytorch.org/whl/cu121 @6", "EXTRA_INDEX_URL https://example.org/simple @9",
                        "CONDA_CHANNEL pytorch @21", "CONDA_CHANNEL nvidia @21");
    }

    @Test
    void continuedCommandsPlaceEachRequirementOnItsOwnLine() {
        assertThat(req("deepspeed").location().display()).isEqualTo(D + "install.sh:10");
        assertThat(req("deepspeed").installOptions()).containsExactly("--extra-index-url=https://example.org/simple");
    }

    @Test
    void requirementsFilesAreReadRelativeToTheScript() {
        assertThat(req("timm").location().display()).isEqualTo(D + "requirements-extra.txt:1");
        assertThat(SCRIPT.filesRead()).extracting(p -> p.toString().replace('\\', '/'))
                .containsExactly(D + "install.sh", D + "requirements-extra.txt");
    }

    @Test
    void editableInstallOfTheProjectItself() {
        Requirement self = SCRIPT.requirements().stream().filter(r -> !r.isNamed()).findFirst().orElseThrow();
        assertThat(self.editable()).isTrue();
        assertThat(self.reference().orElseThrow().url()).isEqualTo(".");
    }

    @Test
    void requirementsBuiltFromShellVariablesAreWarnings() {
        assertThat(SCRIPT.warnings()).extracting(ManifestWarning::sentence).containsExactly(
                D + "install.sh:16: \"transformers==${TRANSFORMERS_VERSION}\" depends on a shell variable and is not read as a requirement");
    }

    @Test
    void aMalformedRequirementNamesTheScriptLine() {
        try {
            ManifestReader.read(DIR.resolve("bad/install.sh"));
            throw new AssertionError("expected an InputError");
        } catch (InputError e) {
            assertThat(e.sentence()).isEqualTo(D + "bad/install.sh:3: invalid requirement \"torch>=2.0 <3\": expected a comma "
                    + "between version clauses or a semicolon before a marker or the end at column 12");
        }
    }
}
