package dev.fitcheck.java;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a reference the way the JVM links it (JVMS 5.4.3): a class by name; a field or method
 * in the named class or any of its supertypes; a constructor in the named class only. Where the
 * search leaves the world (a supertype from a jar that is not on the class path) the answer is
 * {@link LookupOutcome#UNKNOWN}, never a guessed absence.
 */
public final class MemberLookup {

    private MemberLookup() {
    }

    public static LookupOutcome resolve(ClassWorld world, JavaSymbol symbol) {
        Optional<ClassApi> owner = world.find(symbol.owner());
        if (owner.isEmpty()) {
            return LookupOutcome.CLASS_MISSING;
        }
        if (symbol.kind() == SymbolKind.CLASS) {
            return LookupOutcome.FOUND;
        }
        if (symbol.kind() == SymbolKind.CONSTRUCTOR) {
            return has(owner.get(), symbol) ? LookupOutcome.FOUND : LookupOutcome.MEMBER_MISSING;
        }
        Deque<ClassApi> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(owner.get());
        seen.add(owner.get().name());
        boolean unknown = false;
        while (!queue.isEmpty()) {
            ClassApi c = queue.removeFirst();
            if (!symbol.descriptor().isEmpty() && c.otherMembers().contains(MemberApi.key(symbol.name(), symbol.descriptor()))) {
                return LookupOutcome.FOUND; // private or package-private: the jar's own classes link against it
            }
            Optional<MemberApi> m = member(c, symbol);
            if (m.isPresent()) {
                if (symbol.isStatic().isPresent() && symbol.isStatic().get() != m.get().isStatic()) {
                    return LookupOutcome.STATIC_MISMATCH;
                }
                return LookupOutcome.FOUND;
            }
            for (String s : supertypes(c)) {
                if (seen.add(s)) {
                    Optional<ClassApi> sc = world.find(s);
                    if (sc.isPresent()) {
                        queue.addLast(sc.get());
                    } else {
                        unknown = true;
                    }
                }
            }
        }
        return unknown ? LookupOutcome.UNKNOWN : LookupOutcome.MEMBER_MISSING;
    }

    private static Iterable<String> supertypes(ClassApi c) {
        java.util.List<String> out = new java.util.ArrayList<>(c.interfaces());
        c.superName().ifPresent(s -> out.add(0, s));
        if (c.kind().isInterface() && c.superName().isEmpty()) {
            out.add("java/lang/Object"); // interfaces inherit Object's public methods for lookup
        }
        return out;
    }

    private static boolean has(ClassApi c, JavaSymbol symbol) {
        return member(c, symbol).isPresent() || c.otherMembers().contains(MemberApi.key(symbol.name(), symbol.descriptor()));
    }

    private static Optional<MemberApi> member(ClassApi c, JavaSymbol symbol) {
        for (MemberApi m : c.members()) {
            if (m.name().equals(symbol.name()) && kindMatches(m.kind(), symbol.kind())
                    && (symbol.descriptor().isEmpty() || m.descriptor().equals(symbol.descriptor()))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static boolean kindMatches(MemberKind member, SymbolKind symbol) {
        return switch (symbol) {
            case METHOD -> member == MemberKind.METHOD;
            case CONSTRUCTOR -> member == MemberKind.CONSTRUCTOR;
            case FIELD -> member == MemberKind.FIELD;
            case MEMBER -> member != MemberKind.CONSTRUCTOR;
            case CLASS -> false;
        };
    }
}
