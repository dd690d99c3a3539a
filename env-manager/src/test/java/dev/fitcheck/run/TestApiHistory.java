package dev.fitcheck.run;

import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.SymbolPresence;
import dev.fitcheck.version.Version;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small API history stated by the test: releases, and for each dotted name the releases that
 * have it. The catalogue supplies the real ones; the history logic is what is under test.
 */
final class TestApiHistory implements ApiHistory {

    private final String distribution;
    private final List<Version> releases;
    private final Map<String, BitSet> names;

    TestApiHistory(String distribution, List<String> releases, Map<String, BitSet> names) {
        this.distribution = distribution;
        this.releases = releases.stream().map(Version::parse).toList();
        this.names = names;
    }

    static BitSet range(int fromInclusive, int toExclusive) {
        BitSet b = new BitSet();
        b.set(fromInclusive, toExclusive);
        return b;
    }

    @Override
    public String distribution() {
        return distribution;
    }

    @Override
    public Set<String> topLevelModules() {
        return Set.of(distribution.replace('-', '_'));
    }

    @Override
    public List<Version> releases() {
        return releases;
    }

    @Override
    public Optional<SymbolPresence> presence(String dottedPath) {
        BitSet b = names.get(dottedPath);
        if (b == null) return Optional.empty();
        int dot = dottedPath.lastIndexOf('.');
        return Optional.of(new SymbolPresence(dottedPath.substring(0, dot), Optional.of(dottedPath.substring(dot + 1)),
                Optional.empty(), b));
    }

    @Override
    public Optional<BitSet> acceptsKeyword(String callablePath, String keyword) {
        return Optional.empty();
    }

    @Override
    public Map<Integer, String> requirementsOn(String otherDistribution) {
        return Map.of();
    }
}
