package dev.fitcheck.java;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One class of a jar in one release, as other code can link against it.
 *
 * <p>{@code name} is the JVM's internal name ({@code com/google/common/base/Objects$ToStringHelper}).
 * Classes that other packages cannot name (package-private, private nested, or nested in one of
 * those) are kept with {@code exported} false: their public members are still reached through an
 * exported subclass, so member lookups walk through them. Members are only the public and
 * protected ones, without synthetic methods and bridges.
 */
public record ClassApi(
        String name,
        ClassKind kind,
        boolean exported,
        Optional<String> superName,
        List<String> interfaces,
        List<MemberApi> members) {

    public ClassApi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        interfaces = List.copyOf(interfaces);
        members = List.copyOf(members);
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
