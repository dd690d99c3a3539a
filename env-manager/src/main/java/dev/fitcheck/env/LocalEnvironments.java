package dev.fitcheck.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Environments built by uv or pip under a workspace's {@code .fitcheck/envs}. A creation holds the
 * model's {@link CreationLock}, reuses the current environment when its fingerprint matches,
 * otherwise builds a new one at its final path beside the current one, writes its record last,
 * and only then points {@code envs/<model>} at it with one atomic rename. Whatever stops a
 * creation midway (a failed install, a kill, a power cut) leaves the previous environment in
 * place and working; the half-built directory is deleted by the next creation.
 */
public final class LocalEnvironments implements Environments {

    private final Installers installers;
    private final Clock clock;

    public LocalEnvironments(Installers installers, Clock clock) {
        this.installers = installers;
        this.clock = clock;
    }

    @Override
    public CreateResult create(CreateRequest request) {
        List<Creation> out = new ArrayList<>();
        for (EnvironmentSpec spec : request.specs()) {
            out.add(createOne(request, spec));
        }
        return new CreateResult(out);
    }

    private Creation createOne(CreateRequest request, EnvironmentSpec spec) {
        long start = System.nanoTime();
        EnvironmentLayout layout = request.layout();
        String model = spec.model();
        InstallListener listener = request.listener();
        try (CreationLock guard = CreationLock.acquire(layout.guardFile(model),
                why -> listener.phase(model, "waiting: another creation of " + model + " is running (" + why + ")"))) {
            Optional<InstalledEnvironment> current = InstalledEnvironment.current(layout, model);
            deleteAbandonedBuilds(layout, model, current.map(InstalledEnvironment::build));
            String fingerprint = spec.fingerprint();
            if (!request.force() && current.isPresent() && reusable(current.get(), spec, fingerprint)) {
                listener.phase(model, "unchanged: reusing " + current.get().path());
                return new Creation(model, Creation.Outcome.REUSED, current.get().path(), since(start),
                        Optional.of(current.get().record()), List.of(), Optional.empty());
            }
            return build(request, spec, fingerprint, current, start);
        }
    }

    private static boolean reusable(InstalledEnvironment env, EnvironmentSpec spec, String fingerprint) {
        if (env.record().fingerprint().equals(fingerprint)) {
            return true;
        }
        // For --locked, an environment that already is exactly the lock is its reproduction.
        return spec.locked().isPresent()
                && env.contents().driftFrom(spec.locked().get(), false).isEmpty();
    }

    private Creation build(CreateRequest request, EnvironmentSpec spec, String fingerprint,
            Optional<InstalledEnvironment> previous, long start) {
        EnvironmentLayout layout = request.layout();
        String model = spec.model();
        Instant now = clock.instant();
        Path dir = layout.newBuild(model, fingerprint, now);
        Provisioner provisioner = installers.provisioner(spec.installer());
        Path logFile = layout.createLog(model, now);
        try (InstallLog log = InstallLog.open(logFile)) {
            log.note("fitcheck env create " + model + " with " + spec.installer().display() + " into " + dir);
            spec.python().note().ifPresent(n -> log.note(n));
            ProvisionResult result = provisioner.provision(
                    new ProvisionRequest(spec, dir, log, request.listener(), request.installerEnvironment()));
            if (!result.succeeded()) {
                deleteTree(dir);
                return new Creation(model, Creation.Outcome.FAILED, layout.link(model), since(start), Optional.empty(),
                        result.notes(), result.failure());
            }
            request.listener().phase(model, "recording what was installed");
            VirtualEnvironment venv = new VirtualEnvironment(dir);
            EnvironmentContents contents = EnvironmentContents.read(venv, spec.python().interpreter().sitePackages());
            List<String> notes = new ArrayList<>(result.notes());
            if (spec.locked().isPresent()) {
                List<Drift> drift = contents.driftFrom(spec.locked().get(), false);
                List<Drift> ours = drift.stream().filter(d -> spec.locked().get().find(d.name())
                        .map(l -> l.source() == LockedDistribution.Source.ENVIRONMENT).orElse(true)).toList();
                if (!ours.isEmpty()) {
                    deleteTree(dir);
                    return new Creation(model, Creation.Outcome.FAILED, layout.link(model), since(start),
                            Optional.empty(), notes, Optional.of(new InstallFailure("reproducing the lock",
                                    layout.lockFile(model).toString(), 0,
                                    ours.stream().map(Drift::display).toList(), logFile)));
                }
                drift.stream().filter(d -> !ours.contains(d))
                        .forEach(d -> notes.add("the base interpreter changed since the lock: " + d.display()));
            }
            List<Unsatisfied> unsatisfied = contents.unsatisfied(spec);
            EnvironmentRecord record = new EnvironmentRecord(EnvironmentRecord.FORMAT, model, fingerprint, now,
                    spec.installer(), spec.python().interpreter(), spec.python().requested(), spec.python().note(),
                    spec.requirements(), spec.constraints(), spec.inherit(), spec.leftOut(), unsatisfied,
                    spec.index(), spec.locked().isPresent(), logFile);
            // The record goes last: a build without it is incomplete, whatever else it holds.
            JsonFiles.write(dir.resolve(EnvironmentRecord.FILE_NAME), record);
            if (spec.locked().isEmpty()) {
                JsonFiles.write(layout.lockFile(model), contents.lock(model, spec.python().interpreter().version(),
                        spec.installer(), now, spec.inherit()));
            }
            switchTo(layout.link(model), dir);
            log.note("environment ready at " + layout.link(model));
            previous.ifPresent(p -> deleteTree(p.build()));
            return new Creation(model, Creation.Outcome.CREATED, layout.link(model), since(start), Optional.of(record),
                    notes, Optional.empty());
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Points {@code link} at {@code target} in one rename, so no reader ever finds it missing. */
    static void switchTo(Path link, Path target) {
        try {
            Path tmp = link.resolveSibling("." + link.getFileName() + ".switch-" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, link.getParent().relativize(target));
            if (Files.isDirectory(link) && !Files.isSymbolicLink(link)) {
                // A real directory in the link's place (made by hand or by an old layout) is set aside, not lost.
                Files.move(link, link.resolveSibling("." + link.getFileName() + "-set-aside-" + System.currentTimeMillis()));
            }
            try {
                Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + link + " at " + target, e);
        }
    }

    /** Builds left by a creation that was killed, and older complete ones no longer current. */
    private static void deleteAbandonedBuilds(EnvironmentLayout layout, String model, Optional<Path> keep) {
        for (Path b : layout.builds(model)) {
            if (keep.isPresent() && b.equals(keep.get())) continue;
            deleteTree(b);
        }
    }

    @Override
    public List<EnvironmentStatus> list(EnvironmentLayout layout, List<EnvironmentSpec> specs) {
        List<EnvironmentStatus> out = new ArrayList<>();
        for (EnvironmentSpec spec : specs) {
            Optional<InstalledEnvironment> env = InstalledEnvironment.current(layout, spec.model());
            if (env.isEmpty()) {
                out.add(new EnvironmentStatus(spec.model(), layout.link(spec.model()), EnvironmentStatus.State.ABSENT,
                        Optional.empty(), 0, List.of()));
                continue;
            }
            EnvironmentRecord r = env.get().record();
            EnvironmentContents contents = env.get().contents();
            List<String> key = r.requirements().stream().map(SpecRequirement::name).distinct()
                    .map(n -> contents.visible(n).map(d -> d.displayName() + " " + d.version()).orElse(n + " (absent)"))
                    .limit(4).toList();
            boolean fresh = r.fingerprint().equals(spec.fingerprint());
            out.add(new EnvironmentStatus(spec.model(), env.get().path(),
                    fresh ? EnvironmentStatus.State.UP_TO_DATE : EnvironmentStatus.State.STALE, Optional.of(r),
                    sizeOf(env.get().build()), key));
        }
        return out;
    }

    @Override
    public boolean remove(EnvironmentLayout layout, String model) {
        try (CreationLock guard = CreationLock.acquire(layout.guardFile(model), why -> { })) {
            Path link = layout.link(model);
            boolean had = Files.isSymbolicLink(link) || !layout.builds(model).isEmpty();
            try {
                Files.deleteIfExists(link);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path b : layout.builds(model)) {
                deleteTree(b);
            }
            return had;
        }
    }

    @Override
    public VerifyResult verify(EnvironmentLayout layout, String model, boolean checkFiles) {
        Path lockFile = layout.lockFile(model);
        if (!Files.isRegularFile(lockFile)) {
            return new VerifyResult(model, Optional.of("no lock at " + lockFile + "; run `fitcheck env create " + model
                    + "` first"), List.of());
        }
        Optional<InstalledEnvironment> env = InstalledEnvironment.current(layout, model);
        if (env.isEmpty()) {
            return new VerifyResult(model, Optional.of("no environment at " + layout.link(model)
                    + "; `fitcheck env create " + model + " --locked` rebuilds it from the lock"), List.of());
        }
        EnvironmentLock lock;
        try {
            lock = JsonFiles.read(lockFile, EnvironmentLock.class);
        } catch (IOException e) {
            return new VerifyResult(model, Optional.of("the lock " + lockFile + " is unreadable: " + e.getMessage()),
                    List.of());
        }
        return new VerifyResult(model, Optional.empty(), env.get().contents().driftFrom(lock, checkFiles));
    }

    public static EnvironmentLock readLock(EnvironmentLayout layout, String model) {
        Path f = layout.lockFile(model);
        try {
            return JsonFiles.read(f, EnvironmentLock.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock " + f, e);
        }
    }

    private static long sizeOf(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

}
