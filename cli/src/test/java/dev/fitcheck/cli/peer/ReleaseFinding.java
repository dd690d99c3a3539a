package dev.fitcheck.cli.peer;

import dev.fitcheck.compat.ApiHistory;
import dev.fitcheck.compat.InferredRange;
import dev.fitcheck.compat.ResolvedReference;
import dev.fitcheck.python.ReferenceKind;
import dev.fitcheck.python.SymbolReference;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What fitcheck says is wrong with one reference on one release, read from an inferred range that
 * covers every catalogued release at once: a required reference the release lacks (so the release
 * lies outside the range), an optional or type-only one the release lacks (reported, not
 * binding), or a name no catalogued release has.
 */
public record ReleaseFinding(SymbolReference reference, How how) {

    public enum How { OUTSIDE_RANGE, NOT_BINDING, UNKNOWN }

    public static List<ReleaseFinding> of(InferredRange range, ApiHistory history, int release) {
        List<ReleaseFinding> out = new ArrayList<>();
        for (ResolvedReference r : range.resolved()) {
            if (!r.releases().get(release)) out.add(new ReleaseFinding(r.reference(), How.OUTSIDE_RANGE));
        }
        for (SymbolReference r : range.nonBinding()) {
            if (!releasesOf(r, history).map(b -> b.get(release)).orElse(false)) {
                out.add(new ReleaseFinding(r, How.NOT_BINDING));
            }
        }
        range.unknown().forEach(r -> out.add(new ReleaseFinding(r, How.UNKNOWN)));
        return out;
    }

    private static Optional<BitSet> releasesOf(SymbolReference r, ApiHistory history) {
        if (r.kind() == ReferenceKind.KEYWORD_ARGUMENT) {
            return history.acceptsKeyword(r.path(), r.keyword().orElseThrow());
        }
        return history.presence(r.path()).map(p -> p.releases());
    }
}
