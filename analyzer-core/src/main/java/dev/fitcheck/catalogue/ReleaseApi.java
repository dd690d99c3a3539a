package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The API of one release, as an ecosystem's reader extracts it: modules, their names and the
 * classes' members. {@link CatalogueAccumulator} folds releases into an {@link ApiCatalogue}.
 *
 * @param version      the release's version as its ecosystem writes it ({@code 4.44.2}, {@code 33.5.0-jre})
 * @param requirements what the release declares it needs of other packages, as written
 */
public record ReleaseApi(String version, Map<String, Module> modules, List<String> requirements) {

    public ReleaseApi {
        Objects.requireNonNull(version, "version");
        modules = Map.copyOf(modules);
        requirements = List.copyOf(requirements);
    }

    /** A Python release: its version in normalised PEP 440 form. */
    public ReleaseApi(Version version, Map<String, Module> modules, List<String> requirements) {
        this(version.toString(), modules, requirements);
    }

    /** A module and its names. */
    public record Module(Map<String, Name> names) {
        public Module {
            names = Map.copyOf(names);
        }
    }

    /**
     * A module-level name.
     *
     * @param target    where the definition lives ({@code module:name} or a module), null when here
     * @param bases     for classes, base classes as targets, in order
     * @param signature for functions, the parameters; null otherwise
     * @param members   for classes, what the class body defines
     * @param modifiers for Java classes, {@link Modifier#FINAL} where it applies; empty otherwise
     */
    public record Name(SymbolKind kind, boolean typeOnly, boolean exported, String target, List<String> bases,
                       Signature signature, Map<String, Member> members, Set<Modifier> modifiers) {
        public Name {
            Objects.requireNonNull(kind, "kind");
            bases = List.copyOf(bases);
            members = Map.copyOf(members);
            modifiers = Set.copyOf(modifiers);
        }

        /** A name without modifiers: every Python name. */
        public Name(SymbolKind kind, boolean typeOnly, boolean exported, String target, List<String> bases,
                    Signature signature, Map<String, Member> members) {
            this(kind, typeOnly, exported, target, bases, signature, members, Set.of());
        }
    }

    /** A class member with its signature (methods and properties; every Java member) or null, and its modifiers. */
    public record Member(SymbolKind kind, Signature signature, Set<Modifier> modifiers) {
        public Member {
            Objects.requireNonNull(kind, "kind");
            modifiers = Set.copyOf(modifiers);
        }

        /** A member without modifiers: every Python member. */
        public Member(SymbolKind kind, Signature signature) {
            this(kind, signature, Set.of());
        }
    }
}
