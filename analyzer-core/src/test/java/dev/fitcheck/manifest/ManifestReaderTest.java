package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.evidence.InputError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "requirements.txt, REQUIREMENTS", "requirements-dev.txt, REQUIREMENTS", "requirements/gpu.in, REQUIREMENTS",
        "constraints.txt, REQUIREMENTS", "pyproject.toml, PYPROJECT", "environment.yml, CONDA_ENVIRONMENT",
        "environment-cuda.yaml, CONDA_ENVIRONMENT", "install.sh, SHELL_SCRIPT", "scripts/setup_env.sh, SHELL_SCRIPT",
    })
    void tellsTheFormatFromTheName(String name, ManifestKind kind) {
        assertThat(ManifestKind.of(Path.of(name))).contains(kind);
    }

    @Test
    void otherNamesNeedAnExplicitKind() {
        assertThat(ManifestKind.of(Path.of("deps.txt"))).isEmpty();
        assertThat(ManifestKind.of(Path.of("setup.py"))).isEmpty();
        Path cycleStart = Path.of("src/test/resources/manifests/requirements/nested/common.txt");
        assertThat(ManifestReader.read(cycleStart, ManifestKind.REQUIREMENTS).requirements()).extracting(Requirement::toString)
                .containsExactly("pillow>=10");
        try {
            ManifestReader.read(Path.of("deps.txt"));
            throw new AssertionError("expected an InputError");
        } catch (InputError e) {
            assertThat(e.sentence()).isEqualTo("deps.txt: cannot tell the manifest format from the name; expected "
                    + "requirements*.txt, *.in, pyproject.toml, environment*.yml or *.sh, or give the kind explicitly");
        }
    }

    @Test
    void anExplicitKindOverridesTheName() {
        ManifestResult r = ManifestReader.read(Path.of("src/test/resources/manifests/shell/requirements-extra.txt"), ManifestKind.REQUIREMENTS);
        assertThat(r.kind()).isEqualTo(ManifestKind.REQUIREMENTS);
        assertThat(r.requirements()).extracting(Requirement::toString).containsExactly("timm==0.6.13");
    }
}
