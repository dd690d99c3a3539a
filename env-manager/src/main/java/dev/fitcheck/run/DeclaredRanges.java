package dev.fitcheck.run;

import dev.fitcheck.env.DeclaredRequirement;
import dev.fitcheck.env.DeclaredRequirements;
import dev.fitcheck.env.PackageName;
import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.VersionSet;
import dev.fitcheck.workspace.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranges from the manifests alone: for each package, the intersection of every version specifier
 * the model declares for it. Requirements by URL and those with an environment marker are left
 * out (the marker is the installer's to evaluate), as are malformed specifiers, which the
 * analysis reports.
 */
public final class DeclaredRanges implements EffectiveRanges {

    private final DeclaredRequirements declared;

    public DeclaredRanges(DeclaredRequirements declared) {
        this.declared = declared;
    }

    @Override
    public List<EffectiveRange> of(ModelSpec model) {
        Map<PackageName, VersionSet> ranges = new LinkedHashMap<>();
        Map<PackageName, List<String>> texts = new LinkedHashMap<>();
        Map<PackageName, List<String>> evidence = new LinkedHashMap<>();
        for (DeclaredRequirement r : declared.of(model)) {
            if (r.url().isPresent() || !r.marker().isEmpty() || r.specifier().isEmpty()) continue;
            VersionSet set;
            try {
                set = SpecifierSet.parse(r.specifier()).toVersionSet();
            } catch (InvalidSpecifierException e) {
                continue;
            }
            List<String> where = evidence.computeIfAbsent(r.name(), k -> new ArrayList<>());
            if (where.contains(r.origin())) continue;
            where.add(r.origin());
            ranges.merge(r.name(), set, VersionSet::intersect);
            texts.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.specifier());
        }
        List<EffectiveRange> out = new ArrayList<>();
        ranges.forEach((name, set) -> out.add(new EffectiveRange(name, set, String.join(", ", texts.get(name)),
                evidence.get(name))));
        return out;
    }
}
