package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.calibration.PredictionComparison;
import dev.fitcheck.memory.calibration.PredictionReport;
import dev.fitcheck.memory.calibration.PredictionRow;
import dev.fitcheck.memory.calibration.ProbeResults;
import dev.fitcheck.memory.calibration.ProbeRun;
import dev.fitcheck.memory.gpu.GpuCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck memory-compare RESULTS.json...}: the planner's predictions beside the probe's
 * measurements, written to reports/gpu/memory-prediction.md and .json.
 */
@Command(name = "memory-compare", description = "Predicted against measured GPU memory, from the probe's JSON results.")
final class MemoryCompareCommand implements Callable<Integer> {

    static final Map<String, String> SHAPES = Map.of("vidi-9b", "Vidi1.5_9B", "vidi-7b", "Vidi_7B");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "JSON files the probe wrote (--out).")
    List<Path> results;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write memory-prediction.md and .json (default reports/gpu).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<ProbeRun> runs = new ArrayList<>();
        for (Path r : results) {
            runs.addAll(ProbeResults.read(r));
        }
        Path home = Workspaces.home();
        Map<String, ModelArchitecture> shapes = new LinkedHashMap<>();
        ArchitectureReader reader = new ArchitectureReader();
        for (var e : SHAPES.entrySet()) {
            Path dir = home.resolve("fixtures/vidi").resolve(e.getValue()).resolve("config");
            Map<String, Path> configs = new LinkedHashMap<>();
            for (String role : List.of("language", "vision", "audio", "projector")) {
                configs.put(role, dir.resolve(role + ".json"));
            }
            shapes.put(e.getKey(), reader.fromConfigs(e.getKey(), configs));
        }
        List<PredictionRow> rows = new PredictionComparison(shapes, GpuCatalogue.load(Workspaces.rules().resolve("gpus.yaml")))
                .compare(runs);
        if (rows.isEmpty()) {
            throw new InputError("the results hold no successful full-precision run to compare");
        }
        Path dir = out != null ? out : home.resolve("reports").resolve("gpu");
        Files.createDirectories(dir);
        write(dir.resolve("memory-prediction.md"), PredictionReport.markdown(rows));
        write(dir.resolve("memory-prediction.json"), PredictionReport.json(rows));
        spec.commandLine().getOut().print(PredictionReport.markdown(rows));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static void write(Path file, String text) throws java.io.IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
