package dev.fitcheck.java;

import java.util.List;

/**
 * What a proposed upgrade does to a project: which artifacts change release, which of the
 * project's source references break, and which linkage problems between jars it brings (ones
 * the class path did not have before). It passes when both lists are empty.
 */
public record GateResult(List<Upgrade> upgrades, List<UpgradeBreak> breaks, List<LinkageProblem> newLinkageProblems,
        int sourceReferencesChecked) {

    public GateResult {
        upgrades = List.copyOf(upgrades);
        breaks = List.copyOf(breaks);
        newLinkageProblems = List.copyOf(newLinkageProblems);
    }

    public boolean passed() {
        return breaks.isEmpty() && newLinkageProblems.isEmpty();
    }
}
