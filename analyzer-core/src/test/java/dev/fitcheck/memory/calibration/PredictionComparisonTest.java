package dev.fitcheck.memory.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.gpu.GpuCatalogue;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prediction against the committed measurements of GPU run 1 (one NVIDIA H200, probe 1,
 * torch 2.11): every run's error, so that a change to the trace or the allocator model that moves
 * any of them shows here, and the goal (bf16 at 9B within 5% of the measured reserved peak).
 */
class PredictionComparisonTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static List<PredictionRow> rows;

    @BeforeAll
    static void compare() throws IOException {
        Map<String, ModelArchitecture> shapes = new LinkedHashMap<>();
        for (var e : Map.of("vidi-9b", "Vidi1.5_9B", "vidi-7b", "Vidi_7B").entrySet()) {
            Path d = ROOT.resolve("fixtures/vidi").resolve(e.getValue()).resolve("config");
            Map<String, Path> configs = new LinkedHashMap<>();
            for (String role : List.of("language", "vision", "audio", "projector")) {
                configs.put(role, d.resolve(role + ".json"));
            }
            shapes.put(e.getKey(), new ArchitectureReader().fromConfigs(e.getKey(), configs));
        }
        List<ProbeRun> runs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ROOT.resolve("reports/gpu/raw-2026-11-26-h200"), "probe-*.json")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path f : sorted) {
                runs.addAll(ProbeResults.read(f));
            }
        }
        rows = new PredictionComparison(shapes, GpuCatalogue.load(ROOT.resolve("rules/gpus.yaml"))).compare(runs);
    }

    /** shape, dtype, text cache, context, video seconds: reserved error %, allocated error %. */
    static final Object[][] EXPECTED = {
        {"vidi-7b", "bf16", "dynamic", 64, 0, -0.22, -0.19},
        {"vidi-7b", "bf16", "dynamic", 64, 60, -0.98, -0.19},
        {"vidi-7b", "bf16", "dynamic", 64, 600, -1.26, -0.16},
        {"vidi-7b", "bf16", "dynamic", 64, 1800, -0.21, -0.12},
        {"vidi-7b", "bf16", "dynamic", 64, 3600, -0.03, -0.08},
        {"vidi-9b", "bf16", "hybrid", 8192, 60, -0.12, -0.10},
        {"vidi-9b", "bf16", "dynamic", 64, 0, -0.18, -0.16},
        {"vidi-9b", "bf16", "dynamic", 64, 60, 0.24, -0.14},
        {"vidi-9b", "bf16", "dynamic", 64, 300, 3.05, -0.08},
        {"vidi-9b", "bf16", "dynamic", 64, 600, 0.77, -0.07},
        {"vidi-9b", "bf16", "dynamic", 64, 1800, -0.55, -0.07},
        {"vidi-9b", "bf16", "dynamic", 64, 3600, -0.01, -0.05},
        {"vidi-9b", "bf16", "dynamic", 4096, 60, 0.29, -0.13},
        {"vidi-9b", "bf16", "dynamic", 8192, 300, 0.24, -0.07},
        {"vidi-9b", "fp16", "dynamic", 64, 60, 0.24, -0.14},
        {"vidi-9b", "fp16", "dynamic", 64, 300, 2.93, -0.08},
    };

    @Test
    void every_run_of_gpu_run_1_is_predicted_as_recorded() {
        assertThat(rows).hasSize(EXPECTED.length);
        for (Object[] x : EXPECTED) {
            PredictionRow r = rows.stream().filter(row -> row.run().shape().equals(x[0]) && row.run().dtype().equals(x[1])
                    && row.run().textCache().equals(x[2]) && row.run().context() == (int) x[3]
                    && row.run().videoSeconds() == (int) x[4]).findFirst().orElseThrow();
            String what = x[0] + " " + x[1] + " " + x[2] + " " + x[3] + ":" + x[4];
            assertThat(r.errorPercent()).as("reserved error, " + what).isCloseTo((double) x[5], within(0.05));
            assertThat(r.allocatedErrorPercent()).as("allocated error, " + what).isCloseTo((double) x[6], within(0.05));
        }
    }

    @Test
    void bf16_at_9b_is_within_5_percent_of_the_measured_reserved_peak_at_every_size() {
        List<PredictionRow> goal = rows.stream().filter(r -> r.run().shape().equals("vidi-9b") && r.run().dtype().equals("bf16")).toList();
        assertThat(goal).hasSize(9);
        assertThat(goal).allSatisfy(r -> assertThat(Math.abs(r.errorPercent())).isLessThanOrEqualTo(PredictionReport.GOAL_PERCENT));
        assertThat(PredictionReport.markdown(rows)).contains("9 of 9 runs");
    }

    @Test
    void each_phase_is_predicted_beside_its_measurement() {
        PredictionRow hour = rows.stream().filter(r -> r.run().shape().equals("vidi-9b") && r.run().context() == 64
                && r.run().videoSeconds() == 3600 && r.run().dtype().equals("bf16")).findFirst().orElseThrow();
        for (var ph : hour.predictedPhases()) {
            ProbeRun.MeasuredPhase m = hour.run().phases().get(ph.name());
            // allocated within 0.3 GiB of the probe's in every phase; reserved within 2%
            assertThat((double) ph.peakAllocated()).as(ph.name()).isCloseTo(m.peakAllocated(), within(0.3 * (1L << 30)));
            assertThat((double) ph.peakReserved()).as(ph.name()).isCloseTo(m.peakReserved(), within(0.02 * m.peakReserved()));
        }
    }
}
