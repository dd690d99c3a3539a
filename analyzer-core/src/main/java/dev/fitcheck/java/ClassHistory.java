package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A class across a catalogue's releases: where it exists, where other packages can name it, its
 * supertypes and members, each with the releases in which it holds. {@code kind} is the kind in the
 * newest release that has the class; {@code interfaceIn} says where it was an interface, because
 * a class turning into an interface (or back) breaks every compiled call on it; {@code finalIn}
 * where it was final (a class turning final breaks its subclasses).
 */
public record ClassHistory(
        String name,
        ClassKind kind,
        VersionIndexSet present,
        VersionIndexSet exported,
        VersionIndexSet interfaceIn,
        VersionIndexSet finalIn,
        Map<String, VersionIndexSet> superclasses,
        Map<String, VersionIndexSet> interfaces,
        Map<String, MemberHistory> members) {

    public ClassHistory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        superclasses = Collections.unmodifiableMap(new TreeMap<>(superclasses));
        interfaces = Collections.unmodifiableMap(new TreeMap<>(interfaces));
        members = Collections.unmodifiableMap(new TreeMap<>(members));
    }

    /** The class as release {@code version} has it, or empty when that release lacks it. */
    public Optional<ClassApi> at(int version) {
        if (!present.contains(version)) {
            return Optional.empty();
        }
        String superName = null;
        for (Map.Entry<String, VersionIndexSet> e : superclasses.entrySet()) {
            if (e.getValue().contains(version)) {
                superName = e.getKey();
            }
        }
        List<String> ifaces = new ArrayList<>();
        interfaces.forEach((n, in) -> {
            if (in.contains(version)) ifaces.add(n);
        });
        List<MemberApi> ms = new ArrayList<>();
        for (MemberHistory m : members.values()) {
            if (m.present().contains(version)) {
                ms.add(m.at(version));
            }
        }
        ClassKind k = interfaceIn.contains(version) ? (kind.isInterface() ? kind : ClassKind.INTERFACE)
                : (kind.isInterface() ? ClassKind.CLASS : kind);
        return Optional.of(new ClassApi(name, k, exported.contains(version), Optional.ofNullable(superName), ifaces, ms,
                java.util.Set.of(), finalIn.contains(version)));
    }
}
