package dev.fitcheck.catalogue;

import java.util.List;
import java.util.Objects;

/** A value that holds in some of a catalogue's versions: a signature, a list of bases, a kind. */
public record Versioned<T>(T value, IndexRanges versions) {

    public Versioned {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(versions, "versions");
    }

    /** The value at version index {@code i} among {@code list}, or null. */
    public static <T> T at(List<Versioned<T>> list, int i) {
        for (Versioned<T> v : list) {
            if (v.versions.contains(i)) return v.value;
        }
        return null;
    }

    /** Where a value that passes {@code test} holds. */
    public static <T> IndexRanges where(List<Versioned<T>> list, java.util.function.Predicate<? super T> test) {
        IndexRanges r = IndexRanges.empty();
        for (Versioned<T> v : list) {
            if (test.test(v.value)) r = r.union(v.versions);
        }
        return r;
    }

    /** Where any of {@code list} holds. */
    public static IndexRanges union(List<? extends Versioned<?>> list) {
        IndexRanges r = IndexRanges.empty();
        for (Versioned<?> v : list) r = r.union(v.versions);
        return r;
    }
}
