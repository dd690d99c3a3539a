package dev.fitcheck.java;

import java.util.Objects;

/** A member across a catalogue's releases: in which it exists, is static, protected, final. */
public record MemberHistory(MemberKind kind, String name, String descriptor, VersionIndexSet present,
        VersionIndexSet staticIn, VersionIndexSet protectedIn, VersionIndexSet finalIn) {

    public MemberHistory {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(present, "present");
        Objects.requireNonNull(staticIn, "staticIn");
        Objects.requireNonNull(protectedIn, "protectedIn");
        Objects.requireNonNull(finalIn, "finalIn");
    }

    public String key() {
        return MemberApi.key(name, descriptor);
    }

    MemberApi at(int version) {
        return new MemberApi(kind, name, descriptor, staticIn.contains(version), protectedIn.contains(version),
                finalIn.contains(version));
    }
}
