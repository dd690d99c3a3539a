package dev.fitcheck.java;

import java.util.Objects;

/**
 * A public or protected member of a class in one release: name and JVM descriptor, which is what
 * a compiled call site names and what the JVM links by.
 */
public record MemberApi(MemberKind kind, String name, String descriptor, boolean isStatic, boolean isProtected,
        boolean isFinal) {

    public MemberApi {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    public MemberApi(MemberKind kind, String name, String descriptor, boolean isStatic, boolean isProtected) {
        this(kind, name, descriptor, isStatic, isProtected, false);
    }

    /** {@code name descriptor}: unique within a class (fields and methods never share a descriptor shape). */
    public String key() {
        return key(name, descriptor);
    }

    public static String key(String name, String descriptor) {
        return name + " " + descriptor;
    }
}
