package dev.fitcheck.report.chart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

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

        /**
         * The run of {@code releases} from the first to the last that {@code allowed} accepts, e.g.
         * {@code covering(releases, r -> versionSet.contains(Version.parse(r)))}; empty when it
         * accepts none. A release inside the run that it rejects is drawn as part of the bar:
         * {@link #isExact} tells the caller when to say so in the row's note.
         */
        public static Optional<Span> covering(List<String> releases, Predicate<String> allowed) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < releases.size(); i++) {
                if (allowed.test(releases.get(i))) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            return first < 0 ? Optional.empty() : Optional.of(new Span(first, last));
        }

        /** Whether {@code allowed} accepts every release of this span. */
        public boolean isExact(List<String> releases, Predicate<String> allowed) {
            for (int i = firstIndex; i <= lastIndexInclusive; i++) {
                if (!allowed.test(releases.get(i))) return false;
            }
            return true;
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
