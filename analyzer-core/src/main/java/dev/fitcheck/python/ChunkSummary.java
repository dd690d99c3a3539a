package dev.fitcheck.python;

import java.util.List;
import java.util.Map;

/**
 * What a run of top-level statements contributes to its module's summary. Lines here are rows
 * relative to the chunk's first row; {@link ModuleParser} maps them to the file's lines.
 *
 * @param dunderAll names added to {@code __all__}, or null when the chunk does not touch it
 */
record ChunkSummary(List<BoundName> names, List<ClassSummary> classes, List<StarImport> stars, List<String> dunderAll,
                    boolean dunderAllComplete, Map<String, List<String>> importStructure, boolean definesImportStructure) {
}
