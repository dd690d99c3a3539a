package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep508Test {

    private static final SourceLocation HERE = SourceLocation.of(Path.of("requirements.txt"), 1);
    private static final MarkerEnvironment PY310 = MarkerEnvironment.linuxCpython("3.10");

    private static Requirement parse(String text) {
        return Requirement.parse(text, HERE);
    }

    @Test
    void readsEveryPartOfARequirement() {
        Requirement r = parse("Flash_Attn[Triton , cuda]>=2.6.3,<2.7 ; python_version >= '3.9'");
        assertThat(r.name()).isEqualTo("flash-attn");
        assertThat(r.nameAsWritten()).isEqualTo("Flash_Attn");
        assertThat(r.extras()).containsExactly("cuda", "triton");
        assertThat(r.specifier()).hasToString("<2.7,>=2.6.3");
        assertThat(r.marker().orElseThrow()).hasToString("python_version >= \"3.9\"");
        assertThat(r).hasToString("Flash_Attn[cuda,triton]<2.7,>=2.6.3; python_version >= \"3.9\"");
        assertThat(r.location()).isEqualTo(HERE);
    }

    @Test
    void readsDirectReferencesWithMarkers() {
        Requirement r = parse("pkg @ git+https://github.com/o/r.git@v1 ; sys_platform == 'linux'");
        assertThat(r.reference().orElseThrow().revision()).contains("v1");
        assertThat(r.marker().orElseThrow()).hasToString("sys_platform == \"linux\"");
        assertThat(parse("pkg@https://x.org/p.tar.gz;python_version<'3'").reference().orElseThrow().url())
                .as("a URL runs to the next space, ';' included, as in packaging").isEqualTo("https://x.org/p.tar.gz;python_version<'3'");
    }

    @ParameterizedTest(name = "{0} on CPython 3.10 Linux: {1}")
    @CsvSource(delimiter = '|', value = {
        "python_version < \"3.11\"                                        | true",
        "python_version >= '3.10' and python_version < '3.12'             | true",
        "python_full_version == '3.10.*'                                  | true",
        "python_version > '3.9.1'                                         | true",
        "sys_platform == 'win32' or (os_name == 'posix' and platform_machine in 'x86_64 aarch64') | true",
        "platform_system != \"Linux\"                                     | false",
        "'linux' in sys_platform                                          | true",
        "platform_machine not in 'arm64 aarch64'                          | true",
        "implementation_name == 'cpython' and platform_python_implementation == 'CPython' | true",
        "python_implementation == 'CPython'                               | true",
        "os.name == 'posix'                                               | true",
        "sys_platform < 'mac'                                             | false",
        "sys_platform <= 'linux'                                          | true",
        "extra == 'gpu'                                                   | false",
        "platform_release >= '5'                                          | false",
    })
    void evaluatesAsPackagingDoes(String marker, boolean expected) {
        assertThat(Marker.parse(marker).evaluate(PY310)).isEqualTo(expected);
    }

    @Test
    void extrasCompareNormalised() {
        Marker m = Marker.parse("extra == 'Flash_Attn'");
        assertThat(m).hasToString("extra == \"flash-attn\"");
        assertThat(m.evaluate(PY310.withExtras(Set.of("flash.attn")))).isTrue();
        assertThat(m.evaluate(PY310.withExtras(Set.of("other", "flash-attn")))).isTrue();
    }

    @Test
    void normalisedFormDropsRedundantParentheses() {
        assertThat(Marker.parse("(python_version<'3.8')")).hasToString("python_version < \"3.8\"");
        assertThat(Marker.parse("python_version<'3.8' and (os_name=='nt' or os_name=='posix')"))
                .hasToString("python_version < \"3.8\" and (os_name == \"nt\" or os_name == \"posix\")");
        assertThat(Marker.parse("a_b == 'x'".replace("a_b", "os_name")).and(Marker.parse("extra == 'gpu'")))
                .hasToString("os_name == \"x\" and extra == \"gpu\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "==1.0                 | invalid requirement \"==1.0\": expected a package name at the start at column 1",
        "numpy[cuda             | invalid requirement \"numpy[cuda\": expected ']' to close the extras opened at column 6 at column 11",
        "numpy[a b]            | invalid requirement \"numpy[a b]\": expected a comma between extra names at column 9",
        "numpy (>=1.0          | invalid requirement \"numpy (>=1.0\": expected ')' to close the version specifier opened at column 7 at column 13",
        "numpy>=1.0.*          | invalid requirement \"numpy>=1.0.*\": a .* suffix can only be used with == or != at column 11",
        "numpy<1.0+local       | invalid requirement \"numpy<1.0+local\": a local version label can only be used with == or != at column 10",
        "numpy @               | invalid requirement \"numpy @\": expected a URL after @ at column 8",
        "numpy; os_name        | invalid requirement \"numpy; os_name\": expected a marker operator (<=, <, !=, ==, >=, >, ~=, ===, in or not in) at column 15",
        "numpy; foo == 'x'     | invalid requirement \"numpy; foo == 'x'\": expected a marker variable (such as python_version) or a quoted string at column 8",
        "numpy; os_name ~= 'x' | invalid requirement \"numpy; os_name ~= 'x'\": ~= compares versions, but os_name is not a version at column 8",
        "numpy; 'a' == 'b'     | invalid requirement \"numpy; 'a' == 'b'\": a marker compares a variable with a quoted string, but \"a\" == \"b\" has no variable at column 8",
        "numpy; (os_name == 'x' | invalid requirement \"numpy; (os_name == 'x'\": expected ')' to close the marker expression opened at column 8 at column 23",
    })
    void rejectsMalformedRequirementsAndSaysWhereAndWhy(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidRequirementException.class).hasMessage(message);
    }

    @Test
    void aMarkerOnItsOwnMustEndCleanly() {
        assertThatThrownBy(() -> Marker.parse("os_name == 'posix' os_name")).hasMessage(
                "invalid marker \"os_name == 'posix' os_name\": expected 'and', 'or' or the end of the marker at column 20");
    }
}
