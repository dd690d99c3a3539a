package dev.fitcheck.run;

import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.SymbolPresence;
import dev.fitcheck.version.Version;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SymbolHistory} over API catalogues ({@link ApiHistory}, one per distribution, keyed
 * here by the top-level module it provides: {@code transformers}, {@code liger_kernel}).
 */
public final class CatalogueSymbolHistory implements SymbolHistory {

    private final Map<String, ApiHistory> byTopLevelModule;

    public CatalogueSymbolHistory(Map<String, ApiHistory> byTopLevelModule) {
        this.byTopLevelModule = Map.copyOf(byTopLevelModule);
    }

    public static CatalogueSymbolHistory of(List<ApiHistory> histories) {
        java.util.Map<String, ApiHistory> m = new java.util.HashMap<>();
        for (ApiHistory h : histories) {
            h.topLevelModules().forEach(t -> m.put(t, h));
        }
        return new CatalogueSymbolHistory(m);
    }

    @Override
    public Optional<SymbolChange> lookup(String module, String name, Optional<String> installedVersion) {
        ApiHistory history = byTopLevelModule.get(module.split("\\.", 2)[0]);
        if (history == null) {
            return Optional.empty();
        }
        List<Version> releases = history.releases();
        Optional<SymbolPresence> presence = history.presence(module + "." + name);
        String dist = history.distribution();
        if (presence.isEmpty() || presence.get().name().isEmpty() || presence.get().releases().isEmpty()) {
            String first = releases.isEmpty() ? "?" : releases.get(0).toString();
            String last = releases.isEmpty() ? "?" : releases.get(releases.size() - 1).toString();
            return Optional.of(new SymbolChange(dist, module, name, Optional.empty(), Optional.empty(), Optional.empty(),
                    name + " is in no catalogued release of " + dist + " (" + first + " – " + last + ") under " + module));
        }
        BitSet present = presence.get().releases();
        int firstIdx = present.nextSetBit(0);
        int lastIdx = present.length() - 1;
        Version first = releases.get(firstIdx);
        Version last = releases.get(lastIdx);
        Optional<Version> removed = lastIdx + 1 < releases.size() ? Optional.of(releases.get(lastIdx + 1)) : Optional.empty();
        Optional<Version> installed = installedVersion.flatMap(Version::tryParse);
        StringBuilder s = new StringBuilder(name).append(" exists in ").append(dist).append(' ').append(first)
                .append(" – ").append(last);
        if (installed.isPresent() && removed.isPresent() && installed.get().compareTo(last) > 0) {
            s.append("; it was removed in ").append(removed.get()).append(" and ").append(installed.get())
                    .append(" is installed");
        } else if (installed.isPresent() && installed.get().compareTo(first) < 0) {
            s.append("; it was added in ").append(first).append(" and ").append(installed.get()).append(" is installed");
        } else if (removed.isPresent()) {
            s.append("; removed in ").append(removed.get());
        } else if (installed.isPresent()) {
            s.append("; ").append(installed.get()).append(" is installed");
        }
        return Optional.of(new SymbolChange(dist, module, name, Optional.of(first.toString()),
                Optional.of(last.toString()), removed.map(Version::toString), s.toString()));
    }
}
