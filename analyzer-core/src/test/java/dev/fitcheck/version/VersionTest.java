package dev.fitcheck.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    @ParameterizedTest(name = "\"{0}\" normalises to {1}")
    @CsvSource(delimiter = '|', value = {
        "V1.0-RC1          | 1.0rc1",
        "1.0-1             | 1.0.post1",
        "1.0.ALPHA.2       | 1.0a2",
        "1.0-dev           | 1.0.dev0",
        "1!2.0+Ubuntu-1    | 1!2.0+ubuntu.1",
        "01.002            | 1.2",
        "1.0c1             | 1.0rc1",
        "1.0preview        | 1.0rc0",
        "1.0r              | 1.0.post0",
        "1.0-rev_3         | 1.0.post3",
        "1.0a.             | 1.0a0",
        "0!1.0             | 1.0",
        "1.0+ABC.007       | 1.0+abc.7",
        "2024.02.02        | 2024.2.2",
    })
    void normalisesEverySpellingPep440Allows(String text, String normalised) {
        assertThat(Version.parse(text)).hasToString(normalised);
    }

    @Test
    void acceptsTheWhitespacePythonStrips() {
        assertThat(Version.parse(" \t1.0\n")).hasToString("1.0");
        assertThat(Version.parse("\u00a01.0\u3000")).hasToString("1.0");
        assertThat(Version.parse("\u001c1.0\u0085")).hasToString("1.0");
    }

    @Test
    void ordersEveryKindOfSegmentAsPep440Does() {
        List<String> ascending = List.of("0.dev0", "0", "0.1", "1.0.dev0", "1.0a1.dev0", "1.0a1", "1.0a1.post0.dev0",
                "1.0a1.post0", "1.0b1", "1.0rc1", "1.0", "1.0+abc", "1.0+abc.1", "1.0+abd", "1.0+1", "1.0+2.a",
                "1.0.post0.dev0", "1.0.post0", "1.0.post0+x", "1.0.post1", "1.0.0.1", "1.1.dev0", "2", "1!0.dev0");
        List<Version> versions = new ArrayList<>(ascending.stream().map(Version::parse).toList());
        Collections.shuffle(versions, new Random(7));
        Collections.sort(versions);
        assertThat(versions).extracting(Version::toString).containsExactlyElementsOf(ascending);
    }

    @Test
    void equalityIgnoresTrailingZerosButNotLocalLabels() {
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0")).hasSameHashCodeAs(Version.parse("1"));
        assertThat(Version.parse("1.0")).isNotEqualTo(Version.parse("1.0+0"));
        assertThat(Version.parse("1.0.0")).hasToString("1.0.0");
    }

    @Test
    void numbersOfAnySizeCompareExactly() {
        Version a = Version.parse("1.99999999999999999999999999999998");
        Version b = Version.parse("1.99999999999999999999999999999999");
        assertThat(a).isLessThan(b);
        assertThat(b.release()).containsExactly(BigInteger.ONE, new BigInteger("99999999999999999999999999999999"));
        assertThat(Version.parse("9223372036854775807")).isLessThan(Version.parse("9223372036854775808"));
        assertThat(Version.parse("1.0.post18446744073709551616").post()).contains(BigInteger.TWO.pow(64));
        assertThat(Version.parse("1.0+9223372036854775808")).isGreaterThan(Version.parse("1.0+9223372036854775807"));
    }

    @Test
    void exposesEachSegment() {
        Version v = Version.parse("2!1.4.0rc3.post2.dev1+cu121.x");
        assertThat(v.epoch()).isEqualTo(2);
        assertThat(v.release()).containsExactly(BigInteger.ONE, BigInteger.valueOf(4), BigInteger.ZERO);
        assertThat(v.pre()).contains(new Version.PreRelease(Version.Phase.RELEASE_CANDIDATE, BigInteger.valueOf(3)));
        assertThat(v.post()).contains(BigInteger.TWO);
        assertThat(v.dev()).contains(BigInteger.ONE);
        assertThat(v.local()).contains("cu121.x");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.isPostRelease()).isTrue();
        assertThat(v.isDevRelease()).isTrue();
        assertThat(v.baseVersion()).hasToString("2!1.4.0");
        assertThat(v.publicVersion()).hasToString("2!1.4.0rc3.post2.dev1");
        assertThat(Version.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(Version.parse("1.0.dev1").isPrerelease()).isTrue();
    }

    @Test
    void rejectsWhatPep440DoesNotDefineAndSaysWhy() {
        assertThatThrownBy(() -> Version.parse("")).isInstanceOf(InvalidVersionException.class)
                .hasMessage("\"\" is not a PEP 440 version: it is empty");
        assertThatThrownBy(() -> Version.parse("latest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"latest\" is not a PEP 440 version: expected a release number such as 1.2.3");
        assertThatThrownBy(() -> Version.parse("1.0-foo"))
                .hasMessage("\"1.0-foo\" is not a PEP 440 version: cannot read \"-foo\" after \"1.0\"");
        assertThatThrownBy(() -> Version.parse("1.0+"))
                .hasMessage("\"1.0+\" is not a PEP 440 version: cannot read \"+\" after \"1.0\"");
        assertThat(Version.tryParse("2005m")).isEmpty();
        assertThat(Version.tryParse("1.0.*")).isEmpty();
        assertThat(Version.tryParse("\u0661.\u0660")).as("only ASCII digits are release numbers").isEmpty();
        assertThat(Version.tryParse(null)).isEmpty();
    }
}
