package dev.fitcheck.java;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One class of a jar in one release, as other code can link against it.
 *
 * <p>{@code name} is the JVM's internal name ({@code com/google/common/base/Objects$ToStringHelper}).
 * Classes that other packages cannot name (package-private, private nested, or nested in one of
 * those) are kept with {@code exported} false: their public members are still reached through an
 * exported subclass, so member lookups walk through them. Members are only the public and
 * protected ones, without synthetic methods and bridges; {@code otherMembers} holds the keys
 * ({@code name descriptor}) of every other member the class file declares (private,
 * package-private, synthetic, bridges), which a jar's own classes may link against and which a
 * catalogue does not keep.
 */
public record ClassApi(
        String name,
        ClassKind kind,
        boolean exported,
        Optional<String> superName,
        List<String> interfaces,
        List<MemberApi> members,
        Set<String> otherMembers,
        boolean isFinal) {

    public ClassApi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        interfaces = List.copyOf(interfaces);
        members = List.copyOf(members);
        otherMembers = Set.copyOf(otherMembers);
    }

    /** A class as a catalogue keeps it: its API only. */
    public ClassApi(String name, ClassKind kind, boolean exported, Optional<String> superName, List<String> interfaces,
            List<MemberApi> members) {
        this(name, kind, exported, superName, interfaces, members, Set.of(), false);
    }

    /** {@code com.google.common.base.Objects.ToStringHelper}: how reports name a class. */
    public static String displayName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** The package in dotted form, {@code ""} for the unnamed package. */
    public static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }
}
