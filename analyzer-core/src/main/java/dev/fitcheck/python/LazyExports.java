package dev.fitcheck.python;

import java.util.List;
import java.util.Map;

/**
 * Names a package exports without importing them at module level, the way large libraries keep
 * {@code import transformers} fast:
 *
 * <ul>
 *   <li>{@code importStructure}: transformers' {@code _import_structure} dict, submodule (relative,
 *       dotted) to the names it provides, with every later {@code ["k"].extend/append(...)},
 *       {@code ["k"] = [...]} and {@code .update({...})} applied, in all branches;
 *   <li>{@code definesImportStructure}: the package builds its structure with
 *       {@code define_import_structure(...)}; then what it binds under {@code if TYPE_CHECKING:}
 *       (re-exports and star imports) is what the lazy module provides at run time.
 * </ul>
 */
public record LazyExports(Map<String, List<String>> importStructure, boolean definesImportStructure) {

    public static final LazyExports NONE = new LazyExports(Map.of(), false);

    public LazyExports {
        // insertion order matters: when two submodules list a name, the last one wins at run time
        importStructure = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(importStructure));
    }

    public boolean any() {
        return definesImportStructure || !importStructure.isEmpty();
    }
}
