package dev.fitcheck.java;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/**
 * A class, method, constructor or field as the JVM names it: owner class (internal name), member
 * name and descriptor ({@code ""} for a class, and for a {@link SymbolKind#MEMBER} that matches
 * any descriptor), and whether the reference links it as static (empty when the reference does not
 * say, as a source reference to a class does not).
 */
public record JavaSymbol(SymbolKind kind, String owner, String name, String descriptor, Optional<Boolean> isStatic)
        implements Comparable<JavaSymbol> {

    public JavaSymbol {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(isStatic, "isStatic");
        if (owner.contains(".")) {
            throw new IllegalArgumentException("owner is an internal name with slashes: " + owner);
        }
    }

    public static JavaSymbol ofClass(String owner) {
        return new JavaSymbol(SymbolKind.CLASS, owner, "", "", Optional.empty());
    }

    public static JavaSymbol method(String owner, String name, String descriptor, boolean isStatic) {
        return new JavaSymbol(SymbolKind.METHOD, owner, name, descriptor, Optional.of(isStatic));
    }

    public static JavaSymbol constructor(String owner, String descriptor) {
        return new JavaSymbol(SymbolKind.CONSTRUCTOR, owner, "<init>", descriptor, Optional.of(false));
    }

    public static JavaSymbol field(String owner, String name, String descriptor, boolean isStatic) {
        return new JavaSymbol(SymbolKind.FIELD, owner, name, descriptor, Optional.of(isStatic));
    }

    public static JavaSymbol anyMember(String owner, String name) {
        return new JavaSymbol(SymbolKind.MEMBER, owner, name, "", Optional.of(true));
    }

    /**
     * How reports name it: {@code com.google.common.base.Objects.toStringHelper(Object)},
     * {@code com.google.common.collect.ImmutableList(...)} is written {@code new ImmutableList(...)}.
     */
    public String display() {
        String cls = ClassApi.displayName(owner);
        return switch (kind) {
            case CLASS -> cls;
            case FIELD, MEMBER -> cls + "." + name;
            case METHOD -> cls + "." + name + parameters();
            case CONSTRUCTOR -> "new " + cls + parameters();
        };
    }

    private String parameters() {
        try {
            return Arrays.stream(Type.getArgumentTypes(descriptor))
                    .map(t -> {
                        String n = t.getClassName();
                        return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
                    })
                    .collect(Collectors.joining(", ", "(", ")"));
        } catch (RuntimeException e) {
            return "(" + descriptor + ")";
        }
    }

    @Override
    public int compareTo(JavaSymbol o) {
        int c = owner.compareTo(o.owner);
        if (c != 0) return c;
        c = kind.compareTo(o.kind);
        if (c != 0) return c;
        c = name.compareTo(o.name);
        return c != 0 ? c : descriptor.compareTo(o.descriptor);
    }
}
