package dev.fitcheck.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSetTest {

    private static VersionSet set(String specifiers) {
        return SpecifierSet.parse(specifiers).toVersionSet();
    }

    private static Version v(String text) {
        return Version.parse(text);
    }

    private static List<Version> versions(String... texts) {
        return Stream.of(texts).map(Version::parse).toList();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
        ">=4.46,<4.48         | >=4.46,<4.48",
        "==4.44.2             | ==4.44.2",
        "<4.45                | <4.45",
        "''                   | any",
        ">=2,<1               | none",
        "==1.4.*              | ==1.4.*",
        "!=1.5                | !=1.5",
        ">=1.0,!=1.5,<2       | >=1.0,!=1.5,<2",
        ">=1,!=1.4.*,!=1.6    | >=1,!=1.4.*,!=1.6",
        ">1.0                 | >1.0",
        "<=1.0                | <=1.0",
        ">1.0.post1           | >1.0.post1",
        ">1.0a1               | >1.0a1",
        "<2.0rc1              | <2.0rc1",
        "~=1.4.5              | >=1.4.5,<1.5",
        "==2.3.1+cu121        | ==2.3.1+cu121",
        "!=2.3.1+cu121        | !=2.3.1+cu121",
        ">=1.0,<=1.0          | ==1.0",
        "<0                   | none",
        ">=0.dev0             | any",
        "===1.0               | ===1.0",
        "===foobar            | none",
    })
    void readsLikeTheSpecifierThatMeansIt(String specifiers, String readable) {
        assertThat(set(specifiers)).hasToString(readable);
    }

    @Test
    void unionsAreJoinedWithBars() {
        VersionSet s = VersionSet.exactly(v("4.44.2")).union(set(">=4.46,<4.48"));
        assertThat(s).hasToString("==4.44.2 || >=4.46,<4.48");
        assertThat(PackagingDifferentialTest.reparse(s.toString())).isEqualTo(s);
    }

    @Test
    void complementsWithoutASpecifierSpellingAreSpelledOut() {
        assertThat(set(">=1.0").complement()).hasToString("<1.0 incl. 1.0 pre-releases");
        assertThat(set(">1.0").complement()).hasToString("<=1.0 incl. 1.0 post-releases");
        assertThat(set("<1.0").complement()).hasToString(">=1.0.dev0");
        assertThat(set("===1.0").complement()).hasToString("any except ===1.0");
        assertThat(set(">=1.0").complement().contains(v("1.0rc1"))).isTrue();
    }

    @Test
    void boundsAreExactAroundPreReleasesPostReleasesAndLocals() {
        VersionSet below = VersionSet.below(v("1.0"));
        assertThat(versions("0.9.post1", "0.9rc1", "1.0.dev0", "1.0a1", "1.0")).filteredOn(below::contains)
                .extracting(Version::toString).containsExactly("0.9.post1", "0.9rc1");
        VersionSet above = set(">1.0");
        assertThat(versions("1.0", "1.0+local", "1.0.post5", "1.0.0.1", "1.1.dev0")).filteredOn(above::contains)
                .extracting(Version::toString).containsExactly("1.0.0.1", "1.1.dev0");
        VersionSet exactly = VersionSet.exactly(v("4.44.2"));
        assertThat(versions("4.44.2", "4.44.2.0", "4.44.2+cu121", "4.44.2.post0", "4.44.2rc1")).filteredOn(exactly::contains)
                .extracting(Version::toString).containsExactly("4.44.2", "4.44.2.0", "4.44.2+cu121");
    }

    @Test
    void factoriesMeanTheirSpecifiers() {
        assertThat(VersionSet.atLeast(v("4.46"))).isEqualTo(set(">=4.46"));
        assertThat(VersionSet.below(v("4.48"))).isEqualTo(set("<4.48"));
        assertThat(VersionSet.exactly(v("4.44.2"))).isEqualTo(set("==4.44.2"));
        assertThat(VersionSet.between(v("4.46"), v("4.48"))).isEqualTo(set(">=4.46,<4.48")).hasToString(">=4.46,<4.48");
        assertThat(VersionSet.of(SpecifierSet.parse("~=1.4"))).isEqualTo(set(">=1.4,<2"));
        assertThat(VersionSet.of(Specifier.parse("==1.*"))).isEqualTo(set(">=1.dev0,<2.dev0"));
    }

    @Test
    void equalSetsAreEqualHoweverTheyWereBuilt() {
        assertThat(set(">1.0a1")).isEqualTo(set(">=1.0a2.dev0"));
        assertThat(set("<=1.0")).isEqualTo(set("<1.0.post0"));
        assertThat(set("!=1.0").complement()).isEqualTo(set("==1.0")).hasSameHashCodeAs(set("==1.0.0"));
        assertThat(set(">=1,<2").union(set(">=2.dev0,<3"))).isEqualTo(set(">=1,<3"));
        assertThat(set(">=1,<2").union(set(">=2,<3"))).as("2.0's pre-releases are in neither")
                .hasToString(">=1,<2 || >=2,<3");
        assertThat(set(">=1.0").union(set(">=1.0").complement()).isAll()).isTrue();
        assertThat(VersionSet.all().complement()).isEqualTo(VersionSet.none());
    }

    @Test
    void algebraKeepsStringIdentityForArbitraryEquality() {
        VersionSet exact = set("===1.0");
        assertThat(exact.contains(v("1.0"))).isTrue();
        assertThat(exact.contains(v("1.0.0"))).isFalse();
        VersionSet both = exact.union(set("==2.0"));
        assertThat(both).hasToString("==2.0 || ===1.0");
        assertThat(both.intersect(set(">=1.5")).equals(set("==2.0"))).isTrue();
        assertThat(exact.intersect(exact.complement()).isEmpty()).isTrue();
        assertThat(set(">=1.0").minus(exact).contains(v("1.0"))).isFalse();
        assertThat(set(">=1.0").minus(exact).contains(v("1.0.0"))).isTrue();
    }

    @Test
    void findsTheNewestMemberOfAList() {
        List<Version> releases = versions("4.43.0", "4.44.0", "4.44.2", "4.45.0rc1", "4.45.0", "4.46.0", "4.47.1", "4.48.0");
        VersionSet fits = VersionSet.between(v("4.44"), v("4.48"));
        assertThat(fits.newestIn(releases)).contains(v("4.47.1"));
        assertThat(fits.membersOf(releases)).extracting(Version::toString)
                .containsExactly("4.44.0", "4.44.2", "4.45.0rc1", "4.45.0", "4.46.0", "4.47.1");
        assertThat(VersionSet.none().newestIn(releases)).isEmpty();
        assertThat(set("<4.45").newestIn(releases)).contains(v("4.44.2"));
    }

    @Test
    void intersectionOfTheVidiPinsIsEmpty() {
        VersionSet sevenB = set("==4.44.2");
        VersionSet nineB = set("==4.50.0");
        assertThat(sevenB.intersect(nineB).isEmpty()).isTrue();
        assertThat(sevenB.intersect(set(">=4.36,<4.45"))).hasToString("==4.44.2");
    }
}
