package dev.fitcheck.java;

import java.util.Objects;

/** One difference between two releases of an artifact's API, on an exported class. */
public record ApiChange(Kind kind, JavaSymbol symbol, String detail) implements Comparable<ApiChange> {

    public enum Kind {
        CLASS_REMOVED(true),
        CLASS_NO_LONGER_EXPORTED(true),
        CLASS_KIND_CHANGED(true),
        SUPERTYPE_REMOVED(true),
        MEMBER_REMOVED(true),
        STATIC_CHANGED(true),
        CLASS_NOW_FINAL(true),
        MEMBER_NOW_FINAL(true),
        CLASS_ADDED(false),
        SUPERTYPE_ADDED(false),
        MEMBER_ADDED(false);

        private final boolean breaking;

        Kind(boolean breaking) {
            this.breaking = breaking;
        }

        /** Whether code compiled against the older release can fail to link against the newer. */
        public boolean breaking() {
            return breaking;
        }
    }

    public ApiChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean breaking() {
        return kind.breaking();
    }

    @Override
    public int compareTo(ApiChange o) {
        int c = symbol.compareTo(o.symbol);
        return c != 0 ? c : kind.compareTo(o.kind);
    }
}
