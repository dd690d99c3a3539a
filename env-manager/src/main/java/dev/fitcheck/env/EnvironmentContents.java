package dev.fitcheck.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The distributions an environment's interpreter sees, read from dist-info on disk: those
 * installed in the environment and, for a venv with system site packages, the base
 * interpreter's (an environment's own copy wins, as on Python's path).
 */
public final class EnvironmentContents {

    private final Map<PackageName, InstalledDistribution> environment;
    private final Map<PackageName, InstalledDistribution> base;

    private EnvironmentContents(Map<PackageName, InstalledDistribution> environment,
            Map<PackageName, InstalledDistribution> base) {
        this.environment = environment;
        this.base = base;
    }

    public static EnvironmentContents read(VirtualEnvironment env, List<Path> baseSitePackages) {
        DistInfoReader reader = new DistInfoReader();
        Map<PackageName, InstalledDistribution> own = new LinkedHashMap<>();
        env.sitePackages().ifPresent(sp -> reader.read(sp).forEach(d -> own.putIfAbsent(d.name(), d)));
        Map<PackageName, InstalledDistribution> base = new LinkedHashMap<>();
        if (env.inheritsBase()) {
            for (Path sp : baseSitePackages) {
                reader.read(sp).forEach(d -> base.putIfAbsent(d.name(), d));
            }
        }
        return new EnvironmentContents(own, base);
    }

    public List<InstalledDistribution> installed() {
        return List.copyOf(environment.values());
    }

    /** The distribution the environment's interpreter imports for {@code name}, if any. */
    public Optional<InstalledDistribution> visible(PackageName name) {
        InstalledDistribution d = environment.get(name);
        return d != null ? Optional.of(d) : Optional.ofNullable(base.get(name));
    }

    /**
     * The distribution that provides the import package {@code topLevelModule}: the one of that
     * name ({@code flash_attn} is flash-attn), else the one whose top_level.txt or RECORD lists it
     * ({@code PIL} is pillow).
     */
    public Optional<InstalledDistribution> providing(String topLevelModule) {
        Optional<InstalledDistribution> byName = visible(PackageName.of(topLevelModule));
        if (byName.isPresent()) {
            return byName;
        }
        List<InstalledDistribution> all = new ArrayList<>(environment.values());
        base.values().stream().filter(d -> !environment.containsKey(d.name())).forEach(all::add);
        for (InstalledDistribution d : all) {
            try {
                java.nio.file.Path top = d.distInfo().resolve("top_level.txt");
                if (java.nio.file.Files.isRegularFile(top)
                        && java.nio.file.Files.readAllLines(top).stream().anyMatch(l -> l.strip().equals(topLevelModule))) {
                    return Optional.of(d);
                }
                for (RecordFile.Entry e : RecordFile.read(d.distInfo()).entries()) {
                    if (e.path().startsWith(topLevelModule + "/") || e.path().equals(topLevelModule + ".py")) {
                        return Optional.of(d);
                    }
                }
            } catch (IOException e) {
                // an unreadable dist-info provides nothing
            }
        }
        return Optional.empty();
    }

    public boolean fromBase(PackageName name) {
        return !environment.containsKey(name) && base.containsKey(name);
    }

    /**
     * The lock: every distribution installed in the environment, plus the base distributions it
     * relies on: the inherited packages and whatever they, or the environment's distributions,
     * need that only the base provides.
     */
    public EnvironmentLock lock(String model, String python, InstallerKind installer, Instant created,
            Collection<PackageName> inherit) {
        List<LockedDistribution> out = new ArrayList<>();
        for (InstalledDistribution d : environment.values()) {
            out.add(new LockedDistribution(d.name(), d.version(), digest(d), LockedDistribution.Source.ENVIRONMENT));
        }
        Set<PackageName> fromBase = new LinkedHashSet<>();
        Deque<PackageName> queue = new ArrayDeque<>(inherit);
        environment.values().forEach(d -> queue.addAll(d.unconditionalDependencies()));
        while (!queue.isEmpty()) {
            PackageName n = queue.poll();
            if (environment.containsKey(n) || !base.containsKey(n) || !fromBase.add(n)) continue;
            queue.addAll(base.get(n).unconditionalDependencies());
        }
        for (PackageName n : fromBase) {
            InstalledDistribution d = base.get(n);
            out.add(new LockedDistribution(d.name(), d.version(), digest(d), LockedDistribution.Source.BASE));
        }
        return new EnvironmentLock(model, python, installer, created, out);
    }

    /** Left-out packages the environment lacks although the model or an installed distribution needs them. */
    public List<Unsatisfied> unsatisfied(EnvironmentSpec spec) {
        Map<PackageName, LeftOut.Reason> reasons = new LinkedHashMap<>();
        Map<PackageName, List<String>> declaredBy = new LinkedHashMap<>();
        for (LeftOut l : spec.leftOut()) {
            reasons.putIfAbsent(l.name(), l.reason());
            if (!l.requirement().isEmpty()) {
                declaredBy.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l.requirement()
                        + (l.origin().isEmpty() ? "" : " (" + l.origin() + ")"));
            }
        }
        List<Unsatisfied> out = new ArrayList<>();
        for (Map.Entry<PackageName, LeftOut.Reason> e : reasons.entrySet()) {
            PackageName n = e.getKey();
            if (visible(n).isPresent()) continue;
            List<String> neededBy = environment.values().stream()
                    .filter(d -> d.unconditionalDependencies().contains(n))
                    .map(d -> d.displayName() + " " + d.version()).toList();
            List<String> declared = declaredBy.getOrDefault(n, List.of());
            if (!neededBy.isEmpty() || !declared.isEmpty()) {
                out.add(new Unsatisfied(n, e.getValue(), declared, neededBy));
            }
        }
        return out;
    }

    /** How this environment differs from {@code lock}; empty when it is exactly the lock. */
    public List<Drift> driftFrom(EnvironmentLock lock, boolean checkFiles) {
        List<Drift> drift = new ArrayList<>();
        for (LockedDistribution l : lock.distributions()) {
            Optional<InstalledDistribution> now = visible(l.name());
            if (now.isEmpty()) {
                drift.add(new Drift(Drift.Kind.MISSING, l.name(), l.version(), ""));
                continue;
            }
            InstalledDistribution d = now.get();
            if (!d.version().equals(l.version())) {
                drift.add(new Drift(Drift.Kind.VERSION, l.name(), l.version(), d.version()));
                continue;
            }
            String digest = digest(d);
            if (!digest.equals(l.digest())) {
                drift.add(new Drift(Drift.Kind.BUILD, l.name(), l.digest(), digest));
            }
            if (checkFiles && l.source() == LockedDistribution.Source.ENVIRONMENT) {
                try {
                    List<String> modified = DistributionDigest.modifiedFiles(d);
                    if (!modified.isEmpty()) {
                        drift.add(new Drift(Drift.Kind.FILES, l.name(), "",
                                String.join(", ", modified.subList(0, Math.min(5, modified.size())))
                                        + (modified.size() > 5 ? " and " + (modified.size() - 5) + " more" : "")));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (InstalledDistribution d : environment.values()) {
            if (lock.find(d.name()).isEmpty()) {
                drift.add(new Drift(Drift.Kind.ADDED, d.name(), "", d.version()));
            }
        }
        return drift;
    }

    private static String digest(InstalledDistribution d) {
        try {
            return DistributionDigest.of(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
