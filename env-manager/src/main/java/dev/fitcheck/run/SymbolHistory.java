package dev.fitcheck.run;

import java.util.Optional;

/**
 * Answers "cannot import name X from Y" with when X existed in Y: the catalogue knows every
 * release of a package's API. {@link #NONE} knows nothing (no catalogue for the package).
 */
@FunctionalInterface
public interface SymbolHistory {

    /**
     * The history of {@code name} in {@code module}, told against the installed version of the
     * module's distribution when it is known.
     */
    Optional<SymbolChange> lookup(String module, String name, Optional<String> installedVersion);

    SymbolHistory NONE = (module, name, installed) -> Optional.empty();
}
