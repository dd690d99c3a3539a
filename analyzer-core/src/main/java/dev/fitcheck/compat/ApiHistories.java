package dev.fitcheck.compat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogued packages, found by distribution name or by the import name code uses. */
public final class ApiHistories {

    private final Map<String, ApiHistory> byDistribution = new LinkedHashMap<>();
    private final Map<String, ApiHistory> byImport = new LinkedHashMap<>();

    public ApiHistories(Collection<? extends ApiHistory> histories) {
        for (ApiHistory h : histories) {
            byDistribution.put(h.distribution(), h);
            h.topLevelModules().forEach(m -> byImport.putIfAbsent(m, h));
        }
    }

    public static ApiHistories none() {
        return new ApiHistories(List.of());
    }

    public Optional<ApiHistory> byDistribution(String distribution) {
        return Optional.ofNullable(byDistribution.get(distribution));
    }

    public Optional<ApiHistory> byImport(String topLevel) {
        return Optional.ofNullable(byImport.get(topLevel));
    }

    public Collection<ApiHistory> all() {
        return byDistribution.values();
    }
}
