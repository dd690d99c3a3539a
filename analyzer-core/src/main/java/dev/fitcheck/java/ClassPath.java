package dev.fitcheck.java;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A resolved class path: its entries in order (the first to declare a class wins, as on the JVM),
 * with their APIs read, and the lookups the analyses need: which entry declares a class, which
 * entries hold a package, and the class world with one artifact swapped for another release.
 */
public final class ClassPath {

    /**
     * One entry: {@code id} is {@code groupId:artifactId} (what stays the same across releases),
     * {@code label} names this release ({@code groupId:artifactId:version}), {@code version} its version.
     */
    public record Entry(String id, String version, Path file, JarApi api) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(api, "api");
        }

        public String label() {
            return version.isEmpty() ? id : id + ":" + version;
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byClass = new HashMap<>();
    private final Map<String, Entry> byPackage = new HashMap<>();
    private final Map<String, Entry> byId = new LinkedHashMap<>();

    public ClassPath(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            byId.putIfAbsent(e.id(), e);
            for (ClassApi c : e.api().all()) {
                byClass.putIfAbsent(c.name(), e);
                byPackage.putIfAbsent(ClassApi.packageOf(c.name()), e);
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entry the JVM would load {@code internalName} from. */
    public Optional<Entry> entryOf(String internalName) {
        return Optional.ofNullable(byClass.get(internalName));
    }

    /** The first entry with a class in {@code internalName}'s package: where a missing class was expected. */
    public Optional<Entry> entryOfPackage(String internalName) {
        return Optional.ofNullable(byPackage.get(ClassApi.packageOf(internalName)));
    }

    /** The class path as the JVM sees it, then the JDK. */
    public ClassWorld world() {
        return ((ClassWorld) name -> Optional.ofNullable(byClass.get(name)).flatMap(e -> e.api().find(name)))
                .then(JdkClasses.instance());
    }

    /**
     * The class path with artifact {@code id} replaced by {@code release}: every name that artifact
     * declares in any release ({@code declared}) or in the entry here is looked up in
     * {@code release} only, so a class the release lacks is missing rather than found elsewhere.
     */
    public ClassWorld worldWith(String id, ClassWorld release, Predicate<String> declared) {
        ClassWorld base = world();
        return name -> {
            Entry here = byClass.get(name);
            if (declared.test(name) || (here != null && here.id().equals(id))) {
                return release.find(name);
            }
            return base.find(name);
        };
    }
}
