package dev.fitcheck.env;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that decides what an environment holds: the interpreter, the requirement lines and
 * constraints the installer receives, the packages left out of resolution (inherited or needing
 * CUDA), where packages come from, which installer builds it and, for {@code --locked}, the lock
 * it reproduces. Two equal specs give the same {@link #fingerprint()}, which is how an unchanged
 * environment is recognised and reused.
 */
public record EnvironmentSpec(
        String model,
        InterpreterChoice python,
        List<SpecRequirement> requirements,
        List<SpecRequirement> constraints,
        List<PackageName> inherit,
        List<LeftOut> leftOut,
        Set<PackageName> excluded,
        IndexOptions index,
        InstallerKind installer,
        Optional<EnvironmentLock> locked) {

    public EnvironmentSpec {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        inherit = List.copyOf(inherit);
        leftOut = List.copyOf(leftOut);
        excluded = java.util.Collections.unmodifiableSet(new TreeSet<>(excluded));
    }

    public boolean inheritsFromBase() {
        return !inherit.isEmpty();
    }

    public String fingerprint() {
        return SpecFingerprint.of(this);
    }

    public EnvironmentSpec withInstaller(InstallerKind kind) {
        return new EnvironmentSpec(model, python, requirements, constraints, inherit, leftOut, excluded, index, kind,
                locked);
    }

    /** This spec, reproducing {@code lock} exactly instead of resolving its requirements again. */
    public EnvironmentSpec lockedTo(EnvironmentLock lock) {
        return new EnvironmentSpec(model, python, requirements, constraints, inherit, leftOut, excluded, index,
                installer, Optional.of(lock));
    }
}
