package dev.fitcheck.java;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every class a jar (or a directory of classes) declares, by internal name, in entry order. */
public record JarApi(Map<String, ClassApi> classes) {

    public JarApi {
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    public Optional<ClassApi> find(String internalName) {
        return Optional.ofNullable(classes.get(internalName));
    }

    public Collection<ClassApi> all() {
        return classes.values();
    }
}
