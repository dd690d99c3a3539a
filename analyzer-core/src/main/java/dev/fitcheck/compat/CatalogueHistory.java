package dev.fitcheck.compat;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.ApiPath;
import dev.fitcheck.catalogue.IndexRanges;
import dev.fitcheck.catalogue.Signature;
import dev.fitcheck.catalogue.Versioned;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.manifest.InvalidRequirementException;
import dev.fitcheck.manifest.PackageName;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An {@link ApiCatalogue} as the history inference reads. A member that is not found but may come
 * from a base class outside the package (its members are not catalogued) counts as present in
 * those releases: absence there is not proven, and a bound must never rest on a guess.
 */
public final class CatalogueHistory implements ApiHistory {

    private static final Pattern EXTRA = Pattern.compile("\\bextra\\b");

    private final ApiCatalogue catalogue;
    // A large tree asks for the same paths thousands of times (every use of torch.nn, of a base's
    // members); each answer walks re-exports and base classes, so it is worth keeping.
    private final Map<String, Optional<SymbolPresence>> presences = new ConcurrentHashMap<>();
    private final Map<String, Optional<BitSet>> keywords = new ConcurrentHashMap<>();

    public CatalogueHistory(ApiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public ApiCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public String distribution() {
        return catalogue.packageName();
    }

    @Override
    public Set<String> topLevelModules() {
        return catalogue.topLevelModules();
    }

    @Override
    public List<Version> releases() {
        return catalogue.pythonVersions();
    }

    @Override
    public Optional<SymbolPresence> presence(String dottedPath) {
        return presences.computeIfAbsent(dottedPath, this::lookUp);
    }

    private Optional<SymbolPresence> lookUp(String dottedPath) {
        Optional<ApiPath> split = catalogue.split(dottedPath);
        if (split.isEmpty()) return Optional.empty();
        ApiPath p = split.get();
        IndexRanges r;
        if (p.member().isPresent()) {
            ApiCatalogue.MemberPresence m = catalogue.memberPresence(p.module(), p.name().get(), p.member().get());
            r = m.present().union(m.undecided());
        } else {
            r = catalogue.presence(p);
        }
        if (r.isEmpty()) return Optional.empty();
        return Optional.of(new SymbolPresence(p.module(), p.name(), p.member(), r.toBitSet()));
    }

    @Override
    public Optional<BitSet> acceptsKeyword(String callablePath, String keyword) {
        // BitSets are mutable: every caller gets its own copy of the kept answer.
        return keywords.computeIfAbsent(callablePath + "(" + keyword, k -> accepting(callablePath, keyword))
                .map(b -> (BitSet) b.clone());
    }

    private Optional<BitSet> accepting(String callablePath, String keyword) {
        Optional<ApiPath> split = catalogue.split(callablePath);
        if (split.isEmpty() || split.get().name().isEmpty()) return Optional.empty();
        List<Versioned<Signature>> signatures = catalogue.signatures(split.get());
        if (signatures.isEmpty()) return Optional.empty();
        return Optional.of(catalogue.acceptsKeyword(split.get(), keyword).toBitSet());
    }

    /**
     * Per release, the specifier of its unconditional requirement on {@code otherDistribution}
     * (requirements behind an extra do not apply to a plain install and are left out).
     */
    @Override
    public Map<Integer, String> requirementsOn(String otherDistribution) {
        String wanted = PackageName.normalize(otherDistribution);
        Map<Integer, String> out = new TreeMap<>();
        SourceLocation where = SourceLocation.of(Path.of(catalogue.packageName() + " METADATA"), 0);
        for (Versioned<String> line : catalogue.requirements()) {
            String text = line.value();
            int semi = text.indexOf(';');
            if (semi >= 0 && EXTRA.matcher(text.substring(semi)).find()) continue;
            Requirement r;
            try {
                r = Requirement.parse(semi >= 0 ? text.substring(0, semi).strip() : text, where);
            } catch (InvalidRequirementException e) {
                continue; // a line packaging itself would refuse says nothing we can use
            }
            if (!r.name().equals(wanted) || r.specifier().isEmpty()) continue;
            for (int i = line.versions().first(); i >= 0 && i <= line.versions().last(); i++) {
                if (line.versions().contains(i)) out.merge(i, r.specifier().toString(), (a, b) -> a.equals(b) ? a : a + "," + b);
            }
        }
        return out;
    }
}
