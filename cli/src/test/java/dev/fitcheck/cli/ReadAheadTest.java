package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.compat.ApiHistories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Python scan's catalogues, read from the JVM's start: only for scans, and handed out once. */
class ReadAheadTest {

    @TempDir
    Path tmp;

    @Test
    void onlyAScanOfSomethingOtherThanAMavenProjectReadsAhead() throws Exception {
        Files.createDirectories(tmp.resolve("python"));
        Files.createDirectories(tmp.resolve("maven"));
        Files.writeString(tmp.resolve("maven/pom.xml"), "<project/>");
        String python = tmp.resolve("python").toString();
        String maven = tmp.resolve("maven").toString();

        assertThat(Main.isPythonScan(new String[] {"scan", python})).isTrue();
        assertThat(Main.isPythonScan(new String[] {"scan", "--package", "transformers", python, "--json"})).isTrue();
        assertThat(Main.isPythonScan(new String[] {"scan", maven})).isFalse();
        assertThat(Main.isPythonScan(new String[] {"scan", tmp.resolve("maven/pom.xml").toString()})).isFalse();
        assertThat(Main.isPythonScan(new String[] {"scan", "--versions", "all", maven})).isFalse();
        assertThat(Main.isPythonScan(new String[] {"gate", python})).isFalse();
        assertThat(Main.isPythonScan(new String[] {"--version"})).isFalse();
        assertThat(Main.isPythonScan(new String[0])).isFalse();
        // the working directory (cli/ under surefire) holds a pom.xml
        assertThat(Main.isPythonScan(new String[] {"scan", "--json"})).isFalse();
        assertThat(Main.isPythonScan(new String[] {"scan", "nul\0char"})).isTrue();
    }

    @Test
    void whatWasReadAheadGoesToTheFirstReaderOfTheSameRulesAlone() {
        Path rules = CliRun.REPO.resolve("rules");
        Catalogues.readAhead(rules);
        CompletableFuture<ApiHistories> other = Catalogues.reading(tmp);   // other rules: read afresh, the read-ahead dropped
        CompletableFuture<ApiHistories> first = Catalogues.reading(rules);
        assertThat(other.join().byDistribution("transformers")).isEmpty();
        assertThat(first.join().byDistribution("transformers")).isPresent();

        Catalogues.readAhead(rules);
        CompletableFuture<ApiHistories> ahead = Catalogues.reading(rules);
        CompletableFuture<ApiHistories> again = Catalogues.reading(rules);
        assertThat(again).isNotSameAs(ahead);
        assertThat(ahead.join().byDistribution("transformers")).isPresent();
        assertThat(again.join().byDistribution("transformers")).isPresent();
    }
}
