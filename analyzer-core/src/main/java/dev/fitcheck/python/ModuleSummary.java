package dev.fitcheck.python;

import java.util.List;
import java.util.Optional;

/**
 * What one Python module provides, read statically: module-level names, classes with members,
 * {@code __all__}, star imports to resolve and lazy exports. Package-level facts (what a star
 * import brings, where a re-export leads) are {@link PackageIndex}'s job.
 *
 * @param module     dotted module name ({@code transformers.models.llama.modeling_llama})
 * @param file       the path it was read from, for messages
 * @param isPackage  an {@code __init__.py}
 * @param dunderAll  the static {@code __all__}, when the module assigns one
 * @param dunderAllComplete false when some part of {@code __all__} is not a literal
 * @param warnings   what could not be read (syntax errors, undecodable bytes), each naming file and line
 */
public record ModuleSummary(
        String module,
        String file,
        boolean isPackage,
        List<BoundName> names,
        List<ClassSummary> classes,
        Optional<List<String>> dunderAll,
        boolean dunderAllComplete,
        List<StarImport> starImports,
        LazyExports lazyExports,
        List<String> warnings) {

    public ModuleSummary {
        names = List.copyOf(names);
        classes = List.copyOf(classes);
        dunderAll = dunderAll.map(List::copyOf);
        starImports = List.copyOf(starImports);
        warnings = List.copyOf(warnings);
    }

    /** The same summary for the same bytes found at another place (summaries are cached by content). */
    public ModuleSummary at(String module, String file, boolean isPackage) {
        List<String> w = warnings;
        if (!w.isEmpty() && !file.equals(this.file)) {
            String prefix = this.file;
            w = warnings.stream().map(s -> s.startsWith(prefix) ? file + s.substring(prefix.length()) : s).toList();
        }
        return new ModuleSummary(module, file, isPackage, names, classes, dunderAll, dunderAllComplete,
                starImports, lazyExports, w);
    }
}
