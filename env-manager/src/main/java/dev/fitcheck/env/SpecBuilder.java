package dev.fitcheck.env;

import dev.fitcheck.workspace.EnvironmentPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a model's declared requirements into the lines an installer receives. Precedence for a
 * package's version: the user's pins in fitcheck.yaml, then the release fitcheck chose, then the
 * manifests. Pins for packages no manifest names become constraints (they bind only if something
 * pulls the package in). Inherited packages, and on a machine without CUDA the packages that need
 * it, are taken out of the requirements and excluded from resolution altogether, so that a
 * dependent such as accelerate does not bring torch back.
 */
public final class SpecBuilder {

    public EnvironmentSpec build(SpecRequest request) {
        EnvironmentPolicy policy = request.model().environment();
        Map<PackageName, LeftOut.Reason> excluded = new LinkedHashMap<>();
        policy.inherit().forEach(n -> excluded.put(PackageName.of(n), LeftOut.Reason.INHERITED));
        request.without().forEach(n -> excluded.putIfAbsent(PackageName.of(n), LeftOut.Reason.ON_REQUEST));
        if (!request.cuda().available()) {
            policy.skipWithoutCuda().forEach(n -> excluded.putIfAbsent(PackageName.of(n), LeftOut.Reason.NEEDS_CUDA));
        }
        Map<PackageName, String> pins = new LinkedHashMap<>();
        policy.pins().forEach((n, v) -> pins.put(PackageName.of(n), RequirementText.specifierOfPin(v)));
        Map<PackageName, String> chosen = new LinkedHashMap<>();
        request.chosenReleases().forEach((n, v) -> chosen.put(PackageName.of(n), RequirementText.specifierOfPin(v)));

        List<SpecRequirement> requirements = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        Set<String> seenLines = new HashSet<>();
        Set<PackageName> overridden = new HashSet<>();
        Set<PackageName> declaredNames = new HashSet<>();
        for (DeclaredRequirement d : request.declared()) {
            declaredNames.add(d.name());
            LeftOut.Reason reason = excluded.get(d.name());
            if (reason != null) {
                LeftOut lo = new LeftOut(d.name(), reason, d.text(), d.specifier(), d.origin());
                if (leftOut.stream().noneMatch(l -> l.name().equals(d.name()) && l.requirement().equals(d.text()))) {
                    leftOut.add(lo);
                }
                continue;
            }
            String pin = pins.get(d.name());
            String release = chosen.get(d.name());
            if (pin != null || release != null) {
                // One line replaces every declaration of the package; its extras and marker are kept.
                if (overridden.add(d.name())) {
                    String why = pin != null ? "pinned in fitcheck.yaml (environment.pins)" : "release chosen by fitcheck";
                    requirements.add(new SpecRequirement(d.name(), d.textWithSpecifier(pin != null ? pin : release),
                            why + ", over " + d.origin()));
                }
                continue;
            }
            if (seenLines.add(d.text())) {
                requirements.add(new SpecRequirement(d.name(), d.text(), d.origin()));
            }
        }
        for (Map.Entry<PackageName, LeftOut.Reason> e : excluded.entrySet()) {
            if (!declaredNames.contains(e.getKey())) {
                leftOut.add(new LeftOut(e.getKey(), e.getValue(), "", "", ""));
            }
        }
        List<SpecRequirement> constraints = new ArrayList<>();
        pins.forEach((name, spec) -> {
            if (!declaredNames.contains(name) && !excluded.containsKey(name)) {
                constraints.add(new SpecRequirement(name, name.value() + spec, "pinned in fitcheck.yaml (environment.pins)"));
            }
        });
        chosen.forEach((name, spec) -> {
            if (!declaredNames.contains(name) && !excluded.containsKey(name) && !pins.containsKey(name)) {
                constraints.add(new SpecRequirement(name, name.value() + spec, "release chosen by fitcheck"));
            }
        });
        List<PackageName> inherit = policy.inherit().stream().map(PackageName::of).toList();
        return new EnvironmentSpec(request.model().name(), request.python(), requirements, constraints, inherit,
                leftOut, excluded.keySet(), request.index(), request.installer(), java.util.Optional.empty());
    }
}
