package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API of one release, as an ecosystem's reader extracts it: modules, their names and the
 * classes' members. {@link CatalogueAccumulator} folds releases into an {@link ApiCatalogue}.
 *
 * @param requirements what the release declares it needs of other packages, as written
 */
public record ReleaseApi(Version version, Map<String, Module> modules, List<String> requirements) {

    public ReleaseApi {
        Objects.requireNonNull(version, "version");
        modules = Map.copyOf(modules);
        requirements = List.copyOf(requirements);
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
     */
    public record Name(SymbolKind kind, boolean typeOnly, boolean exported, String target, List<String> bases,
                       Signature signature, Map<String, Member> members) {
        public Name {
            Objects.requireNonNull(kind, "kind");
            bases = List.copyOf(bases);
            members = Map.copyOf(members);
        }
    }

    /** A class member with its signature (methods and properties) or null. */
    public record Member(SymbolKind kind, Signature signature) {
        public Member {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
