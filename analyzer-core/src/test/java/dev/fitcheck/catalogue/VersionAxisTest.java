package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.version.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A catalogue's versions in its ecosystem's order: Maven's labels ({@code 33.5.0-jre},
 * {@code 1.0-M1}) are not PEP 440 and sort the way Maven Resolver sorts them.
 */
class VersionAxisTest {

    private static ReleaseApi empty(String version) {
        return new ReleaseApi(version, Map.of("p", new ReleaseApi.Module(Map.of())), List.of());
    }

    @Test
    void mavenLabelsSortAsMavenSortsThemWhateverTheOrderTheyCameIn() {
        CatalogueAccumulator acc = new CatalogueAccumulator(Ecosystem.MAVEN, "org.acme:lib");
        for (String v : List.of("33.5.0-jre", "1.0", "1.0-rc1", "20.0", "1.0-M1", "1.0-alpha-2", "1.0-beta", "1.0-SNAPSHOT",
                "1.0.1", "33.5.0-android", "10.0", "9.0")) {
            acc.add(empty(v));
        }
        // alpha < beta < milestone < rc < snapshot < release; numbers as numbers; qualifiers after numbers in order
        assertThat(acc.toCatalogue().versionLabels()).containsExactly("1.0-alpha-2", "1.0-beta", "1.0-M1", "1.0-rc1",
                "1.0-SNAPSHOT", "1.0", "1.0.1", "9.0", "10.0", "20.0", "33.5.0-android", "33.5.0-jre");
    }

    @Test
    void oneVersionIsFoundUnderEverySpellingItsEcosystemAllows() {
        VersionAxis maven = VersionAxis.of(Ecosystem.MAVEN, List.of("1.0", "1.1", "2.0-M1"));
        assertThat(maven.indexOf("1.0.0")).isZero();
        assertThat(maven.indexOf("2.0-m1")).isEqualTo(2);
        assertThat(maven.indexOf("1.2")).isEqualTo(-1);
        VersionAxis pypi = VersionAxis.of(Ecosystem.PYPI, List.of("1.0", "1.1rc1", "1.1"));
        assertThat(pypi.indexOf("1.0.0")).isZero();
        assertThat(pypi.indexOf("1.1-rc.1")).isEqualTo(1);
        assertThat(pypi.indexOf("33.5.0-jre")).isEqualTo(-1);
        assertThat(pypi.pythonVersions()).containsExactly(Version.parse("1.0"), Version.parse("1.1rc1"), Version.parse("1.1"));
    }

    @Test
    void aVersionAddedTwiceUnderAnotherSpellingIsTheSameRelease() {
        CatalogueAccumulator acc = new CatalogueAccumulator(Ecosystem.MAVEN, "org.acme:lib");
        acc.add(empty("1.0"));
        assertThat(acc.has("1.0.0")).isTrue();
        assertThatThrownBy(() -> acc.add(empty("1.0.0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already in the catalogue");
    }

    @Test
    void anAxisOutOfOrderOrNotOfItsEcosystemIsRefused() {
        assertThatThrownBy(() -> VersionAxis.of(Ecosystem.MAVEN, List.of("1.0", "1.0-M1")))
                .hasMessageContaining("must ascend: 1.0 before 1.0-M1");
        assertThatThrownBy(() -> VersionAxis.of(Ecosystem.PYPI, List.of("33.5.0-jre")))
                .hasMessageContaining("'33.5.0-jre' is not PEP 440");
        assertThatThrownBy(() -> VersionAxis.of(Ecosystem.MAVEN, List.of(" ")))
                .hasMessageContaining("cannot be empty");
    }

    @Test
    void onlyAPythonAxisHasPep440Versions() {
        VersionAxis maven = VersionAxis.of(Ecosystem.MAVEN, List.of("32.1.3-jre", "33.5.0-jre"));
        assertThatThrownBy(maven::pythonVersions).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maven catalogue's versions are not PEP 440");
    }

    @Test
    void rangesAreWrittenTheWayTheEcosystemWritesThem() {
        VersionAxis maven = VersionAxis.of(Ecosystem.MAVEN, List.of("19.0", "20.0", "21.0", "22.0", "23.0"));
        assertThat(maven.rangeText(IndexRanges.parse("1,3-4"))).isEqualTo("[20.0,21.0),[22.0,)");
        assertThat(maven.rangeText(IndexRanges.empty())).isEqualTo("none");
        VersionAxis pypi = VersionAxis.of(Ecosystem.PYPI, List.of("4.46.0", "4.47.0", "4.47.1", "4.48.0"));
        assertThat(pypi.rangeText(IndexRanges.parse("0-2"))).isEqualTo(">=4.46.0,<4.48.0");
        assertThat(pypi.rangeText(IndexRanges.parse("3"))).isEqualTo(pypi.toVersionSet(IndexRanges.parse("3")).toString());
    }
}
