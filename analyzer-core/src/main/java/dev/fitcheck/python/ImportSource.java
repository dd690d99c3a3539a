package dev.fitcheck.python;

import java.util.Optional;

/**
 * Where an imported name comes from, as written: {@code from ..x import y} is level 2, module
 * {@code x}, name {@code y}; {@code import a.b as c} is level 0, module {@code a.b}, no name.
 *
 * @param level  leading dots of a relative import (0 for absolute)
 * @param module dotted module after the dots ("" for {@code from . import y})
 * @param name   the imported name, or null when the module itself is bound
 */
public record ImportSource(int level, String module, String name) {

    /** The absolute module this import reads from, seen from {@code importer}; empty when the dots climb out of the package. */
    public Optional<String> absoluteModule(String importer, boolean importerIsPackage) {
        if (level == 0) {
            return Optional.of(module);
        }
        String base = importer;
        int climb = importerIsPackage ? level - 1 : level;
        for (int i = 0; i < climb; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            base = base.substring(0, dot);
        }
        return Optional.of(module.isEmpty() ? base : base + "." + module);
    }

    /** As written: {@code ..x.y} or {@code a.b}. */
    public String written() {
        return ".".repeat(level) + module;
    }
}
