package dev.fitcheck.compat;

import java.util.List;

/**
 * The pre-upgrade gate's answer for one proposed release: every break, per model, and notes on
 * what could not be judged (a release the catalogue does not have yet).
 */
public record GateResult(String distribution, String target, List<String> models, List<GateBreak> breaks,
        List<String> notes) {

    public GateResult {
        models = List.copyOf(models);
        breaks = List.copyOf(breaks);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return breaks.isEmpty();
    }

    public List<GateBreak> breaksOf(String model) {
        return breaks.stream().filter(b -> b.model().equals(model)).toList();
    }
}
