package dev.fitcheck.compat;

import dev.fitcheck.version.Version;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What inference needs to know of one package's released API: its releases in order and, for a
 * dotted path as code writes it, in which releases it exists. Release sets are bit sets over
 * {@link #releases()}. The catalogue implements it; inference never reads archives itself.
 */
public interface ApiHistory {

    /** The distribution name, PEP 503-normalised: {@code transformers}, {@code liger-kernel}. */
    String distribution();

    /** The import names it provides: {@code liger_kernel} for liger-kernel. */
    Set<String> topLevelModules();

    /** Every catalogued release, oldest first. */
    List<Version> releases();

    /**
     * Where a dotted path exists: split into module, name and member the way the releases define
     * them. Empty when no catalogued release has it (a typo, a private name or a vendored copy).
     */
    Optional<SymbolPresence> presence(String dottedPath);

    /**
     * The releases in which the callable at {@code callablePath} accepts keyword {@code keyword}
     * (a parameter of that name, or {@code **kwargs}). Empty when the callable's signature is
     * not catalogued in any release.
     */
    Optional<BitSet> acceptsKeyword(String callablePath, String keyword);

    /**
     * What each release of this distribution requires of another distribution, from its wheel
     * metadata (Requires-Dist): release index to specifier text. Empty map when it places none.
     */
    Map<Integer, String> requirementsOn(String otherDistribution);
}
