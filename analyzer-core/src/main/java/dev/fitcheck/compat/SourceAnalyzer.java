package dev.fitcheck.compat;

import dev.fitcheck.lint.KeywordConflictCheck;
import dev.fitcheck.lint.LintFinding;
import dev.fitcheck.lint.LintRule;
import dev.fitcheck.python.Guard;
import dev.fitcheck.python.ReferenceExtractor;
import dev.fitcheck.python.SourceTree;
import dev.fitcheck.python.SymbolReference;
import dev.fitcheck.python.SyntaxTree;
import dev.fitcheck.python.VersionFlags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the Python sources under some roots and infers what they need: references, a range per
 * catalogued package, lint findings. Files are parsed in parallel; each thread has its own parser.
 */
public final class SourceAnalyzer {

    private final Supplier<ApiHistories> histories;
    private final List<LintRule> lintRules;

    public SourceAnalyzer(ApiHistories histories, List<LintRule> lintRules) {
        this(() -> histories, lintRules);
    }

    /**
     * With the catalogues still on their way: {@code histories} is asked for only once the sources
     * are parsed, so a caller may read the catalogues while the files are parsed.
     */
    public SourceAnalyzer(Supplier<ApiHistories> histories, List<LintRule> lintRules) {
        this.histories = histories;
        this.lintRules = List.copyOf(lintRules);
    }

    public SourceAnalysis analyze(List<Path> roots) {
        SourceTree tree = SourceTree.scan(roots);
        List<Optional<String>> texts = tree.files().parallelStream().map(SourceAnalyzer::readSource).toList();
        // Version checks kept in a name (peft's import_utils) are read tree-wide first: any file may import them.
        Map<String, Map<String, Guard>> flags = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isEmpty()) continue;
            Map<String, Guard> set = VersionFlags.of(texts.get(i).get());
            if (!set.isEmpty()) flags.put(tree.moduleOf(tree.files().get(i)), set);
        }
        ReferenceExtractor extractor = new ReferenceExtractor(tree.topLevelModules(), flags, tree::moduleOf);
        KeywordConflictCheck lint = new KeywordConflictCheck(lintRules);
        record FileResult(Path file, boolean readable, List<SymbolReference> refs, List<LintFinding> lints) {
        }
        List<Integer> order = java.util.stream.IntStream.range(0, texts.size()).boxed().toList();
        List<FileResult> results = order.parallelStream().map(i -> {
            Path file = tree.files().get(i);
            Optional<String> text = texts.get(i);
            if (text.isEmpty()) return new FileResult(file, false, List.of(), List.of());
            try (SyntaxTree parsed = SyntaxTree.parse(text.get())) { // one parse for references and lints
                return new FileResult(file, true, extractor.extract(file, parsed), lint.check(file, text.get(), parsed));
            }
        }).toList();
        List<SymbolReference> refs = new ArrayList<>();
        List<LintFinding> lints = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        for (FileResult r : results) {
            refs.addAll(r.refs());
            lints.addAll(r.lints());
            if (!r.readable()) unreadable.add(r.file());
        }
        refs.sort(null);

        ApiHistories catalogued = histories.get();
        Set<String> uncatalogued = new TreeSet<>();
        refs.forEach(r -> {
            if (catalogued.byImport(r.topLevel()).isEmpty()) uncatalogued.add(r.topLevel());
        });
        Map<String, InferredRange> inferred = infer(refs);
        return new SourceAnalysis(tree.files(), refs, inferred, lints, uncatalogued, unreadable);
    }

    /** A range per catalogued package, from these references alone. */
    public Map<String, InferredRange> infer(List<SymbolReference> refs) {
        Map<String, List<SymbolReference>> byDistribution = new LinkedHashMap<>();
        Map<String, ApiHistory> historyOf = new LinkedHashMap<>();
        ApiHistories catalogued = histories.get();
        for (SymbolReference r : refs) {
            Optional<ApiHistory> history = catalogued.byImport(r.topLevel());
            if (history.isEmpty()) continue;
            historyOf.put(history.get().distribution(), history.get());
            byDistribution.computeIfAbsent(history.get().distribution(), k -> new ArrayList<>()).add(r);
        }
        Map<String, InferredRange> inferred = new TreeMap<>();
        byDistribution.forEach((dist, rs) -> inferred.put(dist, new RangeInference().infer(historyOf.get(dist), rs)));
        return inferred;
    }

    /** A source that is not UTF-8 is skipped and reported: Python 3 refuses it too unless it declares a coding. */
    private static Optional<String> readSource(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
