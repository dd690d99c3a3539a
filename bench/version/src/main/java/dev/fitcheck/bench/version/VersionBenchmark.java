package dev.fitcheck.bench.version;

import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = one pass over the whole real-world list (about 1,380 release strings), so the
 * scores compare directly with packaging_peer.py's per-pass times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionBenchmark {

    private VersionWorkload work;

    @Setup
    public void load() {
        work = new VersionWorkload(VersionWorkload.defaultList());
    }

    /** Parse every release string (invalid ones rejected). */
    @Benchmark
    public void parseAll(Blackhole bh) {
        for (String t : work.texts) {
            bh.consume(Version.tryParse(t));
        }
    }

    /** Sort every valid release. */
    @Benchmark
    public List<Version> sortAll() {
        List<Version> copy = new ArrayList<>(work.versions);
        Collections.shuffle(copy, new java.util.Random(1));
        Collections.sort(copy);
        return copy;
    }

    /** Every specifier set's contains(v) over every release: 15 x 1,380 checks. */
    @Benchmark
    public int containsAll() {
        int n = 0;
        for (SpecifierSet s : work.specifiers) {
            for (Version v : work.versions) {
                if (s.contains(v)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Every specifier set's filter over the whole list (PEP 440 pre-release rule). */
    @Benchmark
    public void filterAll(Blackhole bh) {
        for (SpecifierSet s : work.specifiers) {
            bh.consume(s.filter(work.versions));
        }
    }

    /** Parse every specifier set text and build its VersionSet. */
    @Benchmark
    public void parseSpecifiers(Blackhole bh) {
        for (String s : VersionWorkload.SPECIFIERS) {
            bh.consume(SpecifierSet.parse(s).toVersionSet());
        }
    }
}
