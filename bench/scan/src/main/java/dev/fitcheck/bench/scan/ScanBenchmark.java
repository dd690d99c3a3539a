package dev.fitcheck.bench.scan;

import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.CatalogueHistory;
import dev.fitcheck.compat.SourceAnalysis;
import dev.fitcheck.compat.SourceAnalyzer;
import dev.fitcheck.lint.LintRule;
import dev.fitcheck.lint.LintRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one {@code fitcheck scan} does, in a JVM that is already running and warm: read the
 * prebuilt catalogues, then parse every source, extract its references and infer the ranges. The
 * launcher's figure (bench/scan/run, hyperfine) adds the JVM's start and its first-run JIT to this.
 * {@code trees} are source roots separated by ':'; each is analysed on its own, as scan and
 * analyze do per model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ScanBenchmark {

    @Param("rules")
    public String rules;

    @Param("fixtures/vidi/Vidi_7B:fixtures/vidi/Vidi1.5_9B")
    public String trees;

    private List<Path> roots;
    private List<LintRule> lints;

    @Setup(Level.Trial)
    public void setUp() {
        roots = Arrays.stream(trees.split(":")).map(Path::of).toList();
        lints = LintRules.load(Path.of(rules, "lints.yaml"));
    }

    /** Every catalogue under rules/catalogues read (module names decoded later, on use). */
    @Benchmark
    public ApiHistories catalogues() throws IOException {
        List<ApiHistory> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(rules, "catalogues"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList()) {
                out.add(new CatalogueHistory(CatalogueStore.read(f)));
            }
        }
        return new ApiHistories(out);
    }

    /** The whole scan: catalogues read afresh, then each tree parsed and its ranges inferred. */
    @Benchmark
    public int scan() throws IOException {
        ApiHistories histories = catalogues();
        SourceAnalyzer analyzer = new SourceAnalyzer(histories, lints);
        int references = 0;
        for (Path root : roots) {
            SourceAnalysis a = analyzer.analyze(List.of(root));
            references += a.references().size() + a.inferred().size();
        }
        return references;
    }
}
