package dev.fitcheck.catalogue;

import dev.fitcheck.distribution.ArchiveException;
import dev.fitcheck.distribution.DistributionArchive;
import dev.fitcheck.python.ChunkCache;
import dev.fitcheck.python.ModuleParser;
import dev.fitcheck.version.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds or extends a Python package's catalogue from release archives, statically: archives are
 * read in memory, nothing is extracted, imported or executed.
 *
 * <p>Releases go oldest first, each parsed in parallel; a file whose content an earlier release of
 * the same build already had is not parsed again, which is where most of the speed on a long
 * series of releases comes from.
 */
public final class CatalogueBuilder {

    /** Releases an unused parse result survives in the content cache. */
    private static final int CACHE_WINDOW = 8;

    public CatalogueBuildResult build(CatalogueBuildRequest request) {
        long start = System.nanoTime();
        CatalogueAccumulator acc = request.base().map(CatalogueAccumulator::of)
                .orElseGet(() -> new CatalogueAccumulator("pypi", request.packageName()));
        if (!acc.packageName().equals(request.packageName())) {
            throw new IllegalArgumentException("extending the catalogue of " + acc.packageName() + " with " + request.packageName());
        }
        List<ReleaseInput> todo = new ArrayList<>();
        List<Version> already = new ArrayList<>();
        for (ReleaseInput r : request.releases()) {
            if (acc.has(r.version()) || todo.stream().anyMatch(t -> t.version().equals(r.version()))) {
                already.add(r.version());
            } else {
                todo.add(r);
            }
        }
        todo.sort(Comparator.comparing(ReleaseInput::version));

        Queue<ModuleParser> created = new ConcurrentLinkedQueue<>();
        ChunkCache chunks = new ChunkCache(CACHE_WINDOW);
        ThreadLocal<ModuleParser> parsers = ThreadLocal.withInitial(() -> {
            ModuleParser p = new ModuleParser(chunks);
            created.add(p);
            return p;
        });
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), daemonThreads());
        PythonReleaseReader reader = new PythonReleaseReader(pool, parsers, new SummaryCache(CACHE_WINDOW), chunks);
        List<Version> added = new ArrayList<>();
        List<ReleaseProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int modules = 0;
        long treeSitterBytes = 0;
        long readNanos = 0;
        long foldNanos = 0;
        try {
            int done = 0;
            for (ReleaseInput r : todo) {
                try (DistributionArchive archive = DistributionArchive.open(r.archive(), request.packageName(), request.limits())) {
                    String mismatch = PythonReleaseReader.mismatch(archive, request.packageName(), r.version());
                    if (mismatch != null) {
                        problems.add(new ReleaseProblem(r.version(), r.archive(), mismatch));
                    } else if (archive.sources().isEmpty()) {
                        problems.add(new ReleaseProblem(r.version(), r.archive(),
                                r.archive() + " holds no Python module of " + request.packageName()));
                    } else {
                        long t0 = System.nanoTime();
                        PythonReleaseReader.Read read = reader.read(r.version(), archive);
                        long t1 = System.nanoTime();
                        acc.add(read.api());
                        readNanos += t1 - t0;
                        foldNanos += System.nanoTime() - t1;
                        added.add(r.version());
                        warnings.addAll(read.warnings());
                        modules = Math.max(modules, read.modules());
                    }
                } catch (ArchiveException e) {
                    problems.add(new ReleaseProblem(r.version(), r.archive(), e.getMessage()));
                }
                request.listener().releaseDone(r.version(), ++done, todo.size());
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ModuleParser p : created) {
                treeSitterBytes += p.bytesParsed();
                p.close();
            }
        }
        long t2 = System.nanoTime();
        ApiCatalogue catalogue = acc.toCatalogue();
        if (Boolean.getBoolean("fitcheck.catalogue.timings")) {
            System.err.printf("read+parse %d ms (resolve %d ms), fold %d ms, catalogue %d ms%n", readNanos / 1_000_000,
                    reader.resolveNanos.get() / 1_000_000, foldNanos / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
        return new CatalogueBuildResult(catalogue, added, already, problems, warnings, modules,
                reader.filesParsed.get(), reader.filesReused.get(), reader.bytesParsed.get(), treeSitterBytes,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "catalogue-parser-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
