package dev.fitcheck.catalogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A modifier of a class or member that decides how compiled code links against it: a method that
 * turns static, a class that turns final, breaks callers and subclasses that still compile. Java
 * fills these from class files; Python catalogues have none. The one-letter codes are the store's
 * and never change.
 */
public enum Modifier {
    STATIC('s'),
    FINAL('f'),
    /** Reachable from subclasses only, not from every class. */
    PROTECTED('p');

    /** Every set of modifiers, once, by bits: catalogues hold millions of them and compare them often. */
    private static final List<Set<Modifier>> SETS = sets();

    private final char code;

    Modifier(char code) {
        this.code = code;
    }

    private static List<Set<Modifier>> sets() {
        Modifier[] all = values();
        List<Set<Modifier>> out = new ArrayList<>(1 << all.length);
        for (int bits = 0; bits < 1 << all.length; bits++) {
            EnumSet<Modifier> s = EnumSet.noneOf(Modifier.class);
            for (Modifier m : all) {
                if ((bits & (1 << m.ordinal())) != 0) s.add(m);
            }
            out.add(Set.copyOf(s));
        }
        return List.copyOf(out);
    }

    /** The one immutable set of these modifiers. */
    public static Set<Modifier> setOf(boolean isStatic, boolean isFinal, boolean isProtected) {
        return SETS.get((isStatic ? 1 << STATIC.ordinal() : 0) | (isFinal ? 1 << FINAL.ordinal() : 0)
                | (isProtected ? 1 << PROTECTED.ordinal() : 0));
    }

    public char code() {
        return code;
    }

    /** {@code "fs"}: a set's codes in declaration order, so one set always gives one text. */
    public static String codes(Set<Modifier> set) {
        StringBuilder b = new StringBuilder(set.size());
        for (Modifier m : values()) {
            if (set.contains(m)) b.append(m.code);
        }
        return b.toString();
    }

    /** Reads {@link #codes}' text back. */
    public static Set<Modifier> parse(String codes) {
        EnumSet<Modifier> out = EnumSet.noneOf(Modifier.class);
        for (int i = 0; i < codes.length(); i++) {
            char c = codes.charAt(i);
            Modifier found = null;
            for (Modifier m : values()) {
                if (m.code == c) found = m;
            }
            if (found == null) throw new IllegalArgumentException("unknown modifier code '" + c + "' in \"" + codes + "\"");
            out.add(found);
        }
        return setOf(out.contains(STATIC), out.contains(FINAL), out.contains(PROTECTED));
    }

    /** {@code static final}, as Java writes them. */
    public static String describe(Set<Modifier> set) {
        StringBuilder b = new StringBuilder();
        for (Modifier m : new Modifier[] {PROTECTED, STATIC, FINAL}) {
            if (set.contains(m)) {
                if (b.length() > 0) b.append(' ');
                b.append(m.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.toString();
    }
}
