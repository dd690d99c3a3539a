package dev.fitcheck.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecifierTest {

    private static List<Version> versions(String... texts) {
        return Stream.of(texts).map(Version::parse).toList();
    }

    @Test
    void readsOperatorAndVersionAsWritten() {
        Specifier s = Specifier.parse("  >=  v1.0.0-RC1 ");
        assertThat(s.operator()).isEqualTo(Specifier.Operator.GREATER_EQUAL);
        assertThat(s.version()).isEqualTo("v1.0.0-RC1");
        assertThat(s.parsedVersion()).contains(Version.parse("1.0rc1"));
        assertThat(s).hasToString(">=v1.0.0-RC1");
        assertThat(Specifier.parse("==1.4.*").isWildcard()).isTrue();
        assertThat(Specifier.parse("===foobar").parsedVersion()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "foo         | invalid version specifier \"foo\": expected an operator (==, !=, <=, >=, <, >, ~= or ===) before the version",
        ">=          | invalid version specifier \">=\": >= needs a version after it",
        ">=1.0.*     | invalid version specifier \">=1.0.*\": a .* wildcard is allowed only after == or !=",
        "<1.0+cu121  | invalid version specifier \"<1.0+cu121\": a local version label (+cu121) is allowed only after == or !=",
        "~=1         | invalid version specifier \"~=1\": ~= needs at least two release numbers, as in ~=2.2",
        "==1.0a1.*   | invalid version specifier \"==1.0a1.*\": a .* wildcard must follow the release numbers directly, as in ==1.4.*",
        ">=1.0 <2    | invalid version specifier \">=1.0 <2\": \"1.0 <2\" is not a PEP 440 version: cannot read \" <2\" after \"1.0\"",
        "===a b      | invalid version specifier \"===a b\": the version after === cannot contain ' '",
    })
    void rejectsMalformedClausesAndSaysWhy(String text, String message) {
        assertThatThrownBy(() -> Specifier.parse(text)).isInstanceOf(InvalidSpecifierException.class).hasMessage(message);
    }

    @Test
    void equalityIsPep440Equality() {
        assertThat(Specifier.parse("==1.2.3")).isEqualTo(Specifier.parse("== 1.2.3.0"));
        assertThat(Specifier.parse("~=1.2.0")).isNotEqualTo(Specifier.parse("~=1.2"));
        assertThat(Specifier.parse("==1.2.*")).isNotEqualTo(Specifier.parse("==1.2.0.*"));
    }

    @Test
    void lessThanLeavesOutThePreReleasesOfItsOwnVersion() {
        Specifier lt = Specifier.parse("<2.0");
        assertThat(lt.contains(Version.parse("1.9.post3"))).isTrue();
        assertThat(lt.contains(Version.parse("2.0rc1"))).isFalse();
        assertThat(lt.contains(Version.parse("2.0.dev0"))).isFalse();
        assertThat(lt.contains(Version.parse("1.9rc1"))).isTrue();
        assertThat(Specifier.parse("<2.0rc1").contains(Version.parse("2.0b3"))).isTrue();
    }

    @Test
    void greaterThanLeavesOutPostReleasesAndLocalsOfItsOwnVersion() {
        Specifier gt = Specifier.parse(">1.0");
        assertThat(gt.contains(Version.parse("1.0.post1"))).isFalse();
        assertThat(gt.contains(Version.parse("1.0+cu121"))).isFalse();
        assertThat(gt.contains(Version.parse("1.0.0.1"))).isTrue();
        assertThat(gt.contains(Version.parse("1.1.dev0"))).isTrue();
        assertThat(Specifier.parse(">1.0.post1").contains(Version.parse("1.0.post2"))).isTrue();
    }

    @Test
    void equalityMatchesLocalsOnlyWhenTheSpecifierHasNone() {
        assertThat(Specifier.parse("==2.3.1").contains(Version.parse("2.3.1+cu121"))).isTrue();
        assertThat(Specifier.parse("==2.3.1+cu121").contains(Version.parse("2.3.1+cu118"))).isFalse();
        assertThat(Specifier.parse("!=2.3.1").contains(Version.parse("2.3.1+cu121"))).isFalse();
    }

    @Test
    void wildcardCoversEveryVersionWithThePrefix() {
        Specifier w = Specifier.parse("==1.4.*");
        assertThat(versions("1.4.dev0", "1.4rc1", "1.4", "1.4.0.0", "1.4.99.post1+x", "1.3.99", "1.5.dev0", "1.40"))
                .filteredOn(v -> w.contains(v)).extracting(Version::toString)
                .containsExactly("1.4.dev0", "1.4rc1", "1.4", "1.4.0.0", "1.4.99.post1+x");
    }

    @Test
    void compatibleReleaseIsAtLeastAndSamePrefix() {
        Specifier c = Specifier.parse("~=1.4.5");
        assertThat(versions("1.4.4", "1.4.5", "1.4.9.post1", "1.5.dev0", "1.5")).filteredOn(v -> c.contains(v))
                .extracting(Version::toString).containsExactly("1.4.5", "1.4.9.post1");
        assertThat(Specifier.parse("~=2.2").contains(Version.parse("2.9"))).isTrue();
        assertThat(Specifier.parse("~=2.2").contains(Version.parse("3.0"))).isFalse();
    }

    @Test
    void arbitraryEqualityComparesTheNormalisedStringIgnoringCase() {
        Specifier a = Specifier.parse("===1.0RC1");
        assertThat(a.contains(Version.parse("1.0rc1"))).isTrue();
        assertThat(a.contains(Version.parse("1.0.0rc1"))).isFalse();
        assertThat(Specifier.parse("===foobar").toVersionSet().isEmpty()).isTrue();
    }

    @Test
    void aClauseNamingAPreReleaseOptsIn() {
        assertThat(Specifier.parse(">=2.0b1").impliesPrereleases()).isTrue();
        assertThat(Specifier.parse(">=2.0").impliesPrereleases()).isFalse();
        assertThat(Specifier.parse("!=2.0b1").impliesPrereleases()).isFalse();
        assertThat(Specifier.parse("===foobar").impliesPrereleases()).isNull();
    }

    @Test
    void setParsesCommaSeparatedClausesTolerantly() {
        SpecifierSet s = SpecifierSet.parse(" >=1.0 , ,<2,  !=1.5 ,");
        assertThat(s.specifiers()).extracting(Specifier::toString).containsExactly(">=1.0", "<2", "!=1.5");
        assertThat(s).hasToString("!=1.5,<2,>=1.0");
        assertThat(SpecifierSet.parse(">=1.0,>=1.0.0")).hasToString(">=1.0");
        assertThat(SpecifierSet.parse("")).isEqualTo(SpecifierSet.any());
        assertThat(SpecifierSet.parse("  ").isEmpty()).isTrue();
        assertThat(SpecifierSet.parse(">=1,<2")).isEqualTo(SpecifierSet.parse("<2.0, >=1.0"));
        assertThatThrownBy(() -> SpecifierSet.parse(">=1.0,latest"))
                .hasMessage("invalid version specifier \"latest\": expected an operator (==, !=, <=, >=, <, >, ~= or ===) before the version");
    }

    @Test
    void emptySetTakesInEveryVersion() {
        SpecifierSet any = SpecifierSet.any();
        assertThat(any.contains(Version.parse("0.dev0"))).isTrue();
        assertThat(any.toVersionSet().isAll()).isTrue();
        assertThat(any.isUnsatisfiable()).isFalse();
        assertThat(SpecifierSet.parse(">=2,<1").isUnsatisfiable()).isTrue();
        assertThat(SpecifierSet.parse("==1.0,!=1.0").isUnsatisfiable()).isTrue();
    }

    @Test
    void containsAcceptsAPreReleaseUnlessToldNotTo() {
        SpecifierSet s = SpecifierSet.parse(">=1.0");
        Version beta = Version.parse("2.0b1");
        assertThat(s.contains(beta)).isTrue();
        assertThat(s.contains(beta, true)).isTrue();
        assertThat(s.contains(beta, false)).isFalse();
    }

    @Test
    void filterKeepsPreReleasesOnlyWhenNothingFinalMatches() {
        SpecifierSet s = SpecifierSet.parse(">=1.2.3");
        assertThat(s.filter(versions("1.2", "1.3", "1.5a1"))).extracting(Version::toString).containsExactly("1.3");
        assertThat(s.filter(versions("1.2", "1.5a1"))).extracting(Version::toString).containsExactly("1.5a1");
        assertThat(s.filter(versions("1.3", "1.5a1"), true)).extracting(Version::toString).containsExactly("1.3", "1.5a1");
        assertThat(s.filter(versions("1.5a1"), false)).isEmpty();
        assertThat(SpecifierSet.parse(">=1.5a1").filter(versions("1.3", "1.5a1", "1.6")))
                .extracting(Version::toString).containsExactly("1.5a1", "1.6");
        assertThat(SpecifierSet.any().filter(versions("1.3", "1.5a1"))).extracting(Version::toString).containsExactly("1.3");
        assertThat(SpecifierSet.any().filter(versions("1.5a1"))).extracting(Version::toString).containsExactly("1.5a1");
    }
}
