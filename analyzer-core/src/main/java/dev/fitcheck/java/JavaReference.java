package dev.fitcheck.java;

import java.util.Objects;

/** One use of a symbol, and where it is made. */
public record JavaReference(JavaSymbol symbol, ReferenceSite site) implements Comparable<JavaReference> {

    public JavaReference {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(site, "site");
    }

    @Override
    public int compareTo(JavaReference o) {
        int c = site.compareTo(o.site);
        return c != 0 ? c : symbol.compareTo(o.symbol);
    }
}
