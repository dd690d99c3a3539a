package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/vidi is what `./fitcheck analyze` writes for the bundled example on a machine without a
 * GPU. CI regenerates it and fails on any difference, so the committed report is always current and
 * every change to the analysis shows up in review as a change to the report.
 * {@code -Dfitcheck.updateGolden=true} rewrites the committed files instead.
 */
class CommittedReportsTest {

    private static final Path COMMITTED = CliRun.REPO.resolve("reports/vidi");

    @TempDir
    Path out;

    @Test
    void reportsOfTheBundledExampleAreCurrent() throws IOException {
        // With a GPU, the memory section reads the live GPU and rightly differs from the committed one.
        assumeFalse(onPath("nvidia-smi"), "nvidia-smi present: the report reads the live GPU");
        boolean update = Boolean.getBoolean("fitcheck.updateGolden");
        Path target = update ? COMMITTED : out;
        CliRun r = CliRun.of("analyze", "-o", target.toString());
        assertThat(r.code()).as(r.describe()).isZero();
        if (update) return;
        for (String name : List.of("report.md", "report.json", "report.html")) {
            assertThat(Files.readString(out.resolve(name)))
                    .as("reports/vidi/" + name + " is stale: run `./fitcheck analyze` and review the difference")
                    .isEqualTo(Files.readString(COMMITTED.resolve(name)));
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
