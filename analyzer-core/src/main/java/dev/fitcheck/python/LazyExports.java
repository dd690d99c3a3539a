package dev.fitcheck.python;

import java.util.List;
import java.util.Map;

/**
 * Names a package exports without importing them at module level, the way large libraries keep
 * {@code import transformers} fast:
 *
 * <ul>
 *   <li>{@code importStructure}: submodule (relative and dotted, or absolute inside the package) to
 *       the names it provides. Transformers' {@code _import_structure} dict, with every later
 *       {@code ["k"].extend/append(...)}, {@code ["k"] = [...]} and {@code .update({...})} applied,
 *       in all branches; huggingface_hub's {@code _SUBMOD_ATTRS} the same way, and a dict literal
 *       passed as {@code submod_attrs=} (lazy_loader's {@code attach}) as it is written;
 *   <li>{@code definesImportStructure}: the package builds its structure with
 *       {@code define_import_structure(...)}; then what it binds under {@code if TYPE_CHECKING:}
 *       (re-exports and star imports) is what the lazy module provides at run time;
 *   <li>{@code moduleGetattr}: the module binds a module-level {@code __getattr__} (PEP 562), by
 *       {@code def} or by assignment ({@code __getattr__, __dir__ = attach(...)}). What it provides
 *       cannot be read statically; {@link PackageIndex} takes what the module imports from its own
 *       submodules under {@code if TYPE_CHECKING:} as provided at run time, which is how lazy
 *       packages show their lazy names to type checkers.
 * </ul>
 */
public record LazyExports(Map<String, List<String>> importStructure, boolean definesImportStructure,
                          boolean moduleGetattr) {

    public static final LazyExports NONE = new LazyExports(Map.of(), false, false);

    public LazyExports {
        // insertion order matters: when two submodules list a name, the last one wins at run time
        importStructure = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(importStructure));
    }

    /** Lazy exports of a module without a module-level {@code __getattr__}. */
    public LazyExports(Map<String, List<String>> importStructure, boolean definesImportStructure) {
        this(importStructure, definesImportStructure, false);
    }

    /** Whether the module lists its lazy exports ({@code from module import *} then takes those). */
    public boolean any() {
        return definesImportStructure || !importStructure.isEmpty();
    }
}
