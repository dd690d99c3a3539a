package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenVersionOrderTest {

    @Test
    void mavenOrdersQualifiersAndNumbersItsOwnWay() {
        assertThat(MavenVersionOrder.INSTANCE.sorted(List.of("1.10", "1.9", "1.0-rc1", "1.0", "1.0-SNAPSHOT", "1.0-alpha-2",
                "1.0-beta", "1.0.1", "33.0.0-jre", "33.0.0-android", "9999.0-empty")))
                .containsExactly("1.0-alpha-2", "1.0-beta", "1.0-rc1", "1.0-SNAPSHOT", "1.0", "1.0.1", "1.9", "1.10",
                        "33.0.0-android", "33.0.0-jre", "9999.0-empty");
    }

    @Test
    void preReleasesAndFlavours() {
        assertThat(MavenVersionOrder.isPreRelease("2.0.0-M3")).isTrue();
        assertThat(MavenVersionOrder.isPreRelease("1.0a1")).isTrue();
        assertThat(MavenVersionOrder.isPreRelease("23.0-rc1")).isTrue();
        assertThat(MavenVersionOrder.isPreRelease("2.17.0-SNAPSHOT")).isTrue();
        assertThat(MavenVersionOrder.isPreRelease("33.5.0-jre")).isFalse();
        assertThat(MavenVersionOrder.isPreRelease("5.3.39")).isFalse();
        assertThat(MavenVersionOrder.flavour("33.5.0-jre")).isEqualTo("jre");
        assertThat(MavenVersionOrder.flavour("33.0.0-rc1-android")).isEqualTo("android");
        assertThat(MavenVersionOrder.flavour("20.0")).isEmpty();
    }

    @Test
    void rangesAsMavenWritesThem() {
        assertThat(MavenVersionOrder.range("[20.0,22.0)", "--versions").test("21.0")).isTrue();
        assertThat(MavenVersionOrder.range("[20.0,22.0)", "--versions").test("22.0")).isFalse();
        assertThat(MavenVersionOrder.range("[1.0,)", "--versions").test("33.5.0-jre")).isTrue();
        assertThatThrownBy(() -> MavenVersionOrder.range("[2.0,1.0", "--versions"))
                .isInstanceOf(InputError.class)
                .hasMessageContaining("--versions: expected a Maven version range");
    }

    @Test
    void releaseSelectionKeepsTheResolvedOneAndItsFlavour() {
        List<String> released = List.of("31.1-android", "31.1-jre", "32.0.0-rc1-jre", "32.0.0-jre", "32.1.3-android",
                "32.1.3-jre", "33.0.0-jre", "33.5.0-jre");
        assertThat(ReleaseSelection.NEWER.select(released, "32.1.3-jre")).containsExactly("32.1.3-jre", "33.0.0-jre", "33.5.0-jre");
        assertThat(ReleaseSelection.ALL.select(released, "32.1.3-jre"))
                .containsExactly("31.1-jre", "32.0.0-jre", "32.1.3-jre", "33.0.0-jre", "33.5.0-jre");
        assertThat(ReleaseSelection.parse("[32.0.0-jre,33.0.0-jre)").select(released, "33.5.0-jre"))
                .containsExactly("32.0.0-jre", "32.1.3-jre", "33.5.0-jre");
        assertThat(ReleaseSelection.ALL.select(List.of("19.0", "20.0", "21.0", "22.0-rc1"), "20.0"))
                .containsExactly("19.0", "20.0", "21.0");
    }
}
