package dev.fitcheck.catalogue;

import dev.fitcheck.version.Version;
import java.util.Comparator;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;

/**
 * Where a catalogue's package comes from, which decides how its versions are written and ordered:
 * PEP 440 for Python's index, Maven Resolver's {@link GenericVersionScheme} (what nearest-wins and
 * version ranges use) for Maven repositories. {@code 33.5.0-jre} and {@code 1.0-M1} are Maven
 * versions and not PEP 440 ones, so the order is the ecosystem's, never one for all.
 */
public enum Ecosystem {

    PYPI("pypi") {
        @Override
        public Comparator<String> order() {
            return Comparator.comparing(Version::parse);
        }

        @Override
        void check(String label) {
            Version.tryParse(label).orElseThrow(() -> new IllegalArgumentException("version '" + label + "' is not PEP 440"));
        }
    },

    MAVEN("maven") {
        @Override
        public Comparator<String> order() {
            return (a, b) -> maven(a).compareTo(maven(b));
        }

        @Override
        void check(String label) {
            if (label.isBlank()) throw new IllegalArgumentException("a Maven version cannot be empty");
            maven(label);
        }
    };

    private static final GenericVersionScheme MAVEN_SCHEME = new GenericVersionScheme();

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    /** {@code pypi}, {@code maven}: how the store and the command line name it. */
    public String id() {
        return id;
    }

    /** The ecosystem's order of version labels; labels equal in it are one version. */
    public abstract Comparator<String> order();

    /** Throws {@link IllegalArgumentException} with one sentence when {@code label} is no version here. */
    abstract void check(String label);

    public static Ecosystem of(String id) {
        for (Ecosystem e : values()) {
            if (e.id.equals(id)) return e;
        }
        throw new IllegalArgumentException("ecosystem '" + id + "' is not one of pypi, maven");
    }

    /** Maven's parsed form of a version label, which orders like Maven itself. */
    public static org.eclipse.aether.version.Version maven(String label) {
        try {
            return MAVEN_SCHEME.parseVersion(label);
        } catch (InvalidVersionSpecificationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
