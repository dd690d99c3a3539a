package dev.fitcheck.report.chart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the release timeline chart draws: for each package, its catalogued releases as an axis and,
 * per model, the releases its pins allow and the releases its code runs on. Ranges are given as
 * release indices so that the chart needs no version arithmetic of its own.
 */
public record ReleaseTimeline(List<PackageTrack> packages) {

    public ReleaseTimeline {
        packages = List.copyOf(packages);
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("a release timeline needs at least one package");
        }
    }

    /** A contiguous run of releases, from {@code firstIndex} to {@code lastIndexInclusive} in the release list. */
    public record Span(int firstIndex, int lastIndexInclusive) {
        public Span {
            if (firstIndex < 0 || lastIndexInclusive < firstIndex) {
                throw new IllegalArgumentException("bad release span " + firstIndex + ".." + lastIndexInclusive);
            }
        }

        public static Span of(int index) {
            return new Span(index, index);
        }

        public int size() {
            return lastIndexInclusive - firstIndex + 1;
        }

        boolean fitsIn(int releases) {
            return lastIndexInclusive < releases;
        }
    }

    /**
     * One model's ranges for a package. {@code lowerSymbol} and {@code upperSymbol} name the symbols
     * that set the bounds of the inferred range (the first release that has the one, the first that
     * lacks the other). {@code note} says what the spans cannot, e.g. a pin on a release the
     * catalogue does not hold; with no declared span it is drawn where the declared bar would be.
     */
    public record ModelSpan(String model, Optional<Span> declared, Optional<Span> inferred,
                            Optional<String> lowerSymbol, Optional<String> upperSymbol, Optional<String> note) {
        public ModelSpan {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(declared, "declared");
            Objects.requireNonNull(inferred, "inferred");
            Objects.requireNonNull(lowerSymbol, "lowerSymbol");
            Objects.requireNonNull(upperSymbol, "upperSymbol");
            Objects.requireNonNull(note, "note");
        }

        public ModelSpan(String model, Optional<Span> declared, Optional<Span> inferred,
                         Optional<String> lowerSymbol, Optional<String> upperSymbol) {
            this(model, declared, inferred, lowerSymbol, upperSymbol, Optional.empty());
        }
    }

    /**
     * One package: {@code releases} are its catalogued final releases, oldest first; {@code shared}
     * is the window every model's ranges have in common, empty when there is none.
     */
    public record PackageTrack(String distribution, List<String> releases, List<ModelSpan> models, Optional<Span> shared) {
        public PackageTrack {
            Objects.requireNonNull(distribution, "distribution");
            releases = List.copyOf(releases);
            models = List.copyOf(models);
            Objects.requireNonNull(shared, "shared");
            if (releases.isEmpty()) {
                throw new IllegalArgumentException(distribution + ": a timeline needs at least one release");
            }
            int n = releases.size();
            for (ModelSpan m : models) {
                m.declared().filter(s -> !s.fitsIn(n)).ifPresent(s -> {
                    throw new IllegalArgumentException(distribution + ", " + m.model() + ": declared span " + s + " beyond " + n + " releases");
                });
                m.inferred().filter(s -> !s.fitsIn(n)).ifPresent(s -> {
                    throw new IllegalArgumentException(distribution + ", " + m.model() + ": inferred span " + s + " beyond " + n + " releases");
                });
            }
            shared.filter(s -> !s.fitsIn(n)).ifPresent(s -> {
                throw new IllegalArgumentException(distribution + ": shared span " + s + " beyond " + n + " releases");
            });
        }
    }
}
