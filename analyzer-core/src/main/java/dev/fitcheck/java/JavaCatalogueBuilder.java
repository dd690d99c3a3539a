package dev.fitcheck.java;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueAccumulator;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.catalogue.Modifier;
import dev.fitcheck.catalogue.Signature;
import dev.fitcheck.catalogue.SymbolKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link ApiCatalogue} (ecosystem {@code maven}) of one artifact from its jars' APIs,
 * one release at a time in any order, or extends an existing one: the same catalogue model and
 * accumulator as Python's, filled from class files. Keeps one bit set per fact rather than every
 * release's API, so a hundred releases of a large library fit in little memory.
 *
 * <p>How a jar fills the model: module = Java package ({@code com.google.common.base}, {@code ""}
 * for the unnamed one), name = binary class name within it ({@code Objects$ToStringHelper}), kind
 * = class, interface, enum, record or annotation; bases = the superclass then the interfaces, as
 * {@code package:Name} targets; member = method or constructor by name and descriptor
 * ({@code <init>(I)V}), field by name; signature = the JVM descriptor; modifiers = static, final,
 * protected. {@link JavaCatalogue} reads it back as Java's class histories.
 */
public final class JavaCatalogueBuilder {

    private final CatalogueAccumulator acc;

    /** @param artifact {@code groupId:artifactId} */
    public JavaCatalogueBuilder(String artifact) {
        this(new CatalogueAccumulator(Ecosystem.MAVEN, artifact));
    }

    private JavaCatalogueBuilder(CatalogueAccumulator acc) {
        this.acc = acc;
    }

    /** Starts from every release {@code existing} (a Maven catalogue) holds. */
    public static JavaCatalogueBuilder from(ApiCatalogue existing) {
        JavaCatalogue.requireMaven(existing);
        return new JavaCatalogueBuilder(CatalogueAccumulator.of(existing));
    }

    /** Whether the release is held (by Maven's equality of versions). */
    public boolean has(String version) {
        return acc.has(version);
    }

    /** Adds one release; a release already held is replaced by this reading of it. */
    public JavaCatalogueBuilder add(String version, JarApi api) {
        CatalogueAccumulator.Release release = acc.release(version);
        Set<String> fields = new HashSet<>();
        for (ClassApi c : api.all()) {
            List<String> bases = new ArrayList<>(1 + c.interfaces().size());
            // the superclass always comes first: only java.lang.Object has none, and it has no interfaces
            c.superName().ifPresent(s -> bases.add(JavaCatalogue.target(s)));
            c.interfaces().forEach(i -> bases.add(JavaCatalogue.target(i)));
            CatalogueAccumulator.Release.Name name = release.name(ClassApi.packageOf(c.name()), JavaCatalogue.binaryName(c.name()),
                    kind(c.kind()), false, c.exported(), null, bases, null, Modifier.setOf(false, c.isFinal(), false));
            fields.clear();
            for (MemberApi m : c.members()) {
                String key = JavaCatalogue.memberKey(m.kind(), m.name(), m.descriptor());
                if (m.kind() == MemberKind.FIELD && !fields.add(key)) {
                    // two fields of one name: javac never writes that, obfuscators may; the JVM tells them by type
                    key = m.name() + ":" + m.descriptor();
                }
                name.member(key, kind(m.kind()), Signature.jvm(m.descriptor()), modifiers(m));
            }
        }
        return this;
    }

    /** The catalogue of every release added, in Maven's order. */
    public ApiCatalogue build() {
        return acc.toCatalogue();
    }

    private static Set<Modifier> modifiers(MemberApi m) {
        return Modifier.setOf(m.isStatic(), m.isFinal(), m.isProtected());
    }

    static SymbolKind kind(ClassKind k) {
        return switch (k) {
            case CLASS -> SymbolKind.CLASS;
            case INTERFACE -> SymbolKind.INTERFACE;
            case ENUM -> SymbolKind.ENUM;
            case ANNOTATION -> SymbolKind.ANNOTATION;
            case RECORD -> SymbolKind.RECORD;
        };
    }

    static SymbolKind kind(MemberKind k) {
        return switch (k) {
            case METHOD -> SymbolKind.METHOD;
            case CONSTRUCTOR -> SymbolKind.CONSTRUCTOR;
            case FIELD -> SymbolKind.FIELD;
        };
    }
}
