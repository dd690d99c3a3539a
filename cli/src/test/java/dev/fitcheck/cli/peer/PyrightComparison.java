package dev.fitcheck.cli.peer;

import dev.fitcheck.python.ReferenceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pyright's complaints about one package on one release, set against fitcheck's findings for the
 * same release and files: which complaint each finding answers, which complaints are accepted
 * differences, which ones fitcheck misses, and what fitcheck reports that pyright does not.
 */
public record PyrightComparison(Path root, List<Match> matched, List<Accepted> accepted, List<ApiComplaint> missed,
        List<ReleaseFinding> fitcheckOnly) {

    public record Match(ApiComplaint complaint, ReleaseFinding finding) {
    }

    public record Accepted(ApiComplaint complaint, AcceptedDifference difference) {
    }

    public static PyrightComparison of(Path root, List<ApiComplaint> complaints, List<ReleaseFinding> findings,
            List<AcceptedDifference> differences) {
        List<Match> matched = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        List<ApiComplaint> missed = new ArrayList<>();
        List<ReleaseFinding> unanswered = new ArrayList<>(findings);
        for (ApiComplaint c : complaints) {
            Optional<ReleaseFinding> f = findings.stream().filter(x -> answers(x, c)).findFirst();
            if (f.isPresent()) {
                matched.add(new Match(c, f.get()));
                unanswered.removeIf(x -> answers(x, c));
                continue;
            }
            Optional<AcceptedDifference> d = differences.stream().filter(x -> x.covers(c, root)).findFirst();
            if (d.isPresent()) {
                accepted.add(new Accepted(c, d.get()));
            } else {
                missed.add(c);
            }
        }
        return new PyrightComparison(root, matched, accepted, missed, unanswered);
    }

    /** Same file and line, and the reference names the symbol the complaint is about. */
    static boolean answers(ReleaseFinding f, ApiComplaint c) {
        if (f.reference().location().line() != c.diagnostic().line() || !sameFile(f.reference().location().file(),
                c.diagnostic().file())) {
            return false;
        }
        String path = f.reference().path();
        return switch (c.kind()) {
            case MISSING_MODULE -> path.equals(c.module()) || path.startsWith(c.module() + ".");
            case UNKNOWN_IMPORT_SYMBOL -> path.equals(c.path());
            case MODULE_ATTRIBUTE -> path.equals(c.path()) || path.startsWith(c.path() + ".");
            case UNDEFINED_STAR_NAME -> f.reference().kind() == ReferenceKind.STAR_NAME
                    && path.endsWith("." + c.name().orElseThrow());
        };
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
