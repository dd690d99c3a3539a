package dev.fitcheck.fetch;

import dev.fitcheck.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists releases with {@code pip index versions} and downloads them with {@code pip download
 * --no-deps}, one release per pip process, a few at a time.
 *
 * <p>Which file: a wheel this machine could install (pure-Python ones included) first; failing
 * that, a wheel for another platform or Python ({@code --platform}, {@code --python-version}),
 * since a catalogue only reads the .py files a platform wheel carries like any other; failing
 * that, the sdist ({@code --no-binary :all:}).
 */
public final class PipReleaseFetcher implements ReleaseFetcher {

    private static final long TIMEOUT_SECONDS = 600;
    private static final List<String> OTHER_PLATFORMS = List.of("any", "manylinux2014_x86_64",
            "manylinux_2_28_x86_64", "macosx_11_0_arm64", "win_amd64");
    private static final List<String> OTHER_PYTHONS = List.of("3.12", "3.10", "3.8");

    private final Pip pip = new Pip();
    private final DownloadCache cache;

    public PipReleaseFetcher(DownloadCache cache) {
        this.cache = cache;
    }

    public static PipReleaseFetcher standard() {
        return new PipReleaseFetcher(DownloadCache.standard());
    }

    @Override
    public ReleaseList list(String packageName) {
        Pip.Run r = pip.run(List.of("index", "versions", "--pre", packageName), null, TIMEOUT_SECONDS);
        if (r.exit() != 0) {
            return new ReleaseList(packageName, List.of(), Optional.of("pip could not list " + packageName + ": " + r.reason()));
        }
        for (String line : r.out().split("\n")) {
            String l = line.strip();
            if (!l.startsWith("Available versions:")) continue;
            List<Version> versions = new ArrayList<>();
            for (String v : l.substring("Available versions:".length()).split(",")) {
                Version.tryParse(v.strip()).ifPresent(versions::add);
            }
            versions.sort(Comparator.naturalOrder());
            return new ReleaseList(packageName, versions, Optional.empty());
        }
        return new ReleaseList(packageName, List.of(), Optional.of("pip listed no versions of " + packageName));
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        List<FetchedRelease> fetched = new ArrayList<>();
        List<FetchError> errors = new ArrayList<>();
        List<Version> versions = request.versions().stream().distinct().sorted().toList();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.parallel(), Math.max(1, versions.size())));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Version v : versions) {
                futures.add(pool.submit(() -> {
                    Object outcome = fetchOne(request.packageName(), v);
                    request.listener().released(v, done.incrementAndGet(), versions.size());
                    return outcome;
                }));
            }
            for (Future<Object> f : futures) {
                Object o = f.get();
                if (o instanceof FetchedRelease fr) fetched.add(fr);
                else errors.add((FetchError) o);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new FetchResult(fetched, errors);
    }

    /** One release: from the cache, or through the first pip attempt that finds a file. */
    private Object fetchOne(String packageName, Version version) {
        Optional<FetchedRelease> hit = cache.lookup(packageName, version);
        if (hit.isPresent()) return hit.get();
        String spec = packageName + "==" + version;
        List<List<String>> attempts = new ArrayList<>();
        attempts.add(List.of("--only-binary", ":all:"));
        for (String py : OTHER_PYTHONS) {
            List<String> a = new ArrayList<>(List.of("--only-binary", ":all:", "--python-version", py));
            for (String platform : OTHER_PLATFORMS) {
                a.add("--platform");
                a.add(platform);
            }
            attempts.add(a);
        }
        attempts.add(List.of("--no-binary", ":all:"));
        String lastReason = "no attempt made";
        for (List<String> attempt : attempts) {
            Path tmp = null;
            try {
                tmp = cache.newTempDir();
                List<String> args = new ArrayList<>(List.of("download", "--no-deps", "--progress-bar", "off",
                        "--dest", tmp.toString()));
                args.addAll(attempt);
                args.add(spec);
                Pip.Run r = pip.run(args, tmp, TIMEOUT_SECONDS);
                List<Path> files = Pip.files(tmp);
                if (r.exit() == 0 && files.size() == 1) {
                    return cache.store(packageName, version, files.get(0));
                }
                lastReason = r.exit() == 0 ? "pip saved " + files.size() + " files instead of one" : r.reason();
                if (!noMatchingFile(r)) break; // a network or index error: another kind of file will not help
            } catch (IOException e) {
                lastReason = e.getMessage();
                break;
            } finally {
                DownloadCache.deleteTree(tmp);
            }
        }
        return new FetchError(packageName, version, packageName + " " + version + " could not be downloaded: " + lastReason);
    }

    private static boolean noMatchingFile(Pip.Run r) {
        return r.err().contains("No matching distribution found") || r.err().contains("Could not find a version");
    }
}
