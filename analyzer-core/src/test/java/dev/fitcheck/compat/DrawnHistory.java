package dev.fitcheck.compat;

import dev.fitcheck.version.Version;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A package history drawn as text, the way Maven Resolver's tests draw dependency graphs:
 *
 * <pre>
 * releases: 4.44.2 4.47.0 4.48.0
 * module  transformers.cache_utils             x x x
 * name    transformers.cache_utils.HybridCache x x .
 * member  transformers.x.Trainer.train         x x x
 * keyword transformers.X.__init__ load_in_4bit  x . .
 * </pre>
 */
final class DrawnHistory implements ApiHistory {

    private final String distribution;
    private final List<Version> releases = new ArrayList<>();
    private final Map<String, SymbolPresence> symbols = new HashMap<>();
    private final Map<String, BitSet> keywords = new HashMap<>();
    private final Set<String> topLevel = new LinkedHashSet<>();

    private DrawnHistory(String distribution) {
        this.distribution = distribution;
    }

    static DrawnHistory parse(String distribution, String drawing) {
        DrawnHistory h = new DrawnHistory(distribution);
        for (String raw : drawing.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+");
            if (parts[0].equals("releases:")) {
                for (int i = 1; i < parts.length; i++) h.releases.add(Version.parse(parts[i]));
                continue;
            }
            String kind = parts[0];
            String path = parts[1];
            int marks = kind.equals("keyword") ? 3 : 2;
            BitSet bits = new BitSet();
            for (int i = marks; i < parts.length; i++) {
                if (parts[i].equals("x")) bits.set(i - marks);
            }
            h.topLevel.add(path.split("\\.")[0]);
            String[] seg = path.split("\\.");
            switch (kind) {
                case "module" -> h.symbols.put(path, new SymbolPresence(path, Optional.empty(), Optional.empty(), bits));
                case "name" -> h.symbols.put(path, new SymbolPresence(path.substring(0, path.lastIndexOf('.')),
                        Optional.of(seg[seg.length - 1]), Optional.empty(), bits));
                case "member" -> {
                    String owner = path.substring(0, path.lastIndexOf('.'));
                    h.symbols.put(path, new SymbolPresence(owner.substring(0, owner.lastIndexOf('.')),
                            Optional.of(seg[seg.length - 2]), Optional.of(seg[seg.length - 1]), bits));
                }
                case "keyword" -> h.keywords.put(path + " " + parts[2], bits);
                default -> throw new IllegalArgumentException("unknown row kind: " + line);
            }
        }
        return h;
    }

    @Override
    public String distribution() {
        return distribution;
    }

    @Override
    public Set<String> topLevelModules() {
        return topLevel;
    }

    @Override
    public List<Version> releases() {
        return releases;
    }

    @Override
    public Optional<SymbolPresence> presence(String dottedPath) {
        return Optional.ofNullable(symbols.get(dottedPath));
    }

    @Override
    public Optional<BitSet> acceptsKeyword(String callablePath, String keyword) {
        return Optional.ofNullable(keywords.get(callablePath + " " + keyword)).map(b -> (BitSet) b.clone());
    }

    @Override
    public Map<Integer, String> requirementsOn(String otherDistribution) {
        return Map.of();
    }
}
