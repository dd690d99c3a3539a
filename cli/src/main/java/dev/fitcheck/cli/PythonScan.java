package dev.fitcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fitcheck.compat.ApiHistories;
import dev.fitcheck.compat.InferredRange;
import dev.fitcheck.compat.RangeBound;
import dev.fitcheck.compat.RangeInference;
import dev.fitcheck.compat.ResolvedReference;
import dev.fitcheck.compat.SourceAnalysis;
import dev.fitcheck.compat.SourceAnalyzer;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.lint.LintRules;
import dev.fitcheck.manifest.PackageName;
import dev.fitcheck.python.SymbolReference;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code fitcheck scan PATH [--package P]...} on Python sources: the releases of each catalogued
 * package the code can run on, each bound with its symbol and line, and the names no release has.
 */
final class PythonScan {

    private PythonScan() {
    }

    static int run(Path path, List<String> packages, boolean json, PrintWriter out) {
        if (!Files.exists(path)) {
            throw new InputError(path + ": no such file or directory; expected a Python source tree");
        }
        Path rules = Workspaces.rules();
        // The catalogues are read on a thread of their own while the sources are parsed.
        CompletableFuture<ApiHistories> loading = Catalogues.reading(rules);
        Supplier<ApiHistories> catalogues = () -> {
            try {
                return loading.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        };
        SourceAnalysis a = new SourceAnalyzer(catalogues, LintRules.load(rules.resolve("lints.yaml"))).analyze(List.of(path));
        ApiHistories histories = catalogues.get();
        Set<String> wanted = packages.stream().map(PackageName::normalize).collect(Collectors.toSet());
        for (String p : wanted) {
            if (histories.byDistribution(p).isEmpty()) {
                throw new InputError("--package " + p + ": no catalogue for it; `fitcheck catalogue build " + p + "` makes one");
            }
        }
        Map<String, InferredRange> shown = new LinkedHashMap<>();
        a.inferred().forEach((dist, r) -> {
            if (wanted.isEmpty() || wanted.contains(dist)) shown.put(dist, r);
        });
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        if (json) {
            out.print(json(a, shown, root));
        } else {
            text(a, shown, root, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void text(SourceAnalysis a, Map<String, InferredRange> shown, Path root, PrintWriter out) {
        out.println("scanned " + a.files().size() + " Python file(s), " + a.references().size() + " external reference(s)");
        for (InferredRange r : shown.values()) {
            out.println();
            out.println(r.distribution() + ": runs on " + (r.isEmpty() ? "no catalogued release" : r.range())
                    + " (catalogued " + r.releases().get(0) + " to " + r.releases().get(r.releases().size() - 1) + ", "
                    + r.resolved().size() + " binding reference(s))");
            r.lower().ifPresent(b -> out.println("  " + explain(b, root)));
            r.upper().ifPresent(b -> out.println("  " + explain(b, root)));
            if (r.isEmpty()) {
                collision(r, root).forEach(line -> out.println("  " + line));
            } else {
                List<String> newest = r.allowedReleasesNewestFirst().stream().limit(3).map(Object::toString).toList();
                out.println("  newest: " + String.join(", ", newest));
            }
            for (SymbolReference u : r.unknown()) {
                out.println("  unknown: " + u.path() + " at " + u.location().relativeTo(root).display()
                        + " (in no catalogued release: a typo, a private name or a vendored copy)");
            }
            for (SymbolReference n : r.nonBinding()) {
                out.println("  not binding (" + n.condition().name().toLowerCase().replace('_', '-') + "): " + n.path()
                        + " at " + n.location().relativeTo(root).display());
            }
        }
        if (!a.uncataloguedImports().isEmpty()) {
            out.println();
            out.println("not catalogued: " + String.join(", ", a.uncataloguedImports()));
        }
        a.lints().forEach(l -> out.println("lint " + l.rule().id() + ": " + l.call().relativeTo(root).display() + ": "
                + l.message(root)));
        a.unreadable().forEach(f -> out.println("skipped (not UTF-8): " + Output.relative(root, f)));
    }

    /**
     * Why no release is left: a reference no release satisfies by itself, or the one that needs the
     * newest release against the one removed earliest.
     */
    private static List<String> collision(InferredRange r, Path root) {
        List<String> out = new ArrayList<>();
        for (ResolvedReference never : RangeInference.neverSatisfied(r)) {
            out.add("no release has " + never.label() + " (" + never.reference().location().relativeTo(root).lineDisplay() + ")");
        }
        Optional<RangeBound> lower = RangeInference.newestNeed(r);
        Optional<RangeBound> upper = RangeInference.earliestRemoval(r);
        if (lower.isPresent() && upper.isPresent() && lower.get().version().compareTo(upper.get().version()) >= 0) {
            out.add("cannot meet: " + explain(lower.get(), root));
            out.add("        and: " + explain(upper.get(), root));
        } else if (out.isEmpty()) {
            out.add("no two references collide; " + r.resolved().size() + " together leave no release (gaps in their histories)");
        }
        return out;
    }

    /** The bound's explanation with its file relative to the scanned tree, as every other line shows files. */
    private static String explain(RangeBound b, Path root) {
        return b.explain().replace(b.reference().location().lineDisplay(),
                b.reference().location().relativeTo(root).lineDisplay());
    }

    private static String json(SourceAnalysis a, Map<String, InferredRange> shown, Path root) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("files", a.files().size());
        doc.put("references", a.references().size());
        List<Map<String, Object>> packages = new ArrayList<>();
        for (InferredRange r : shown.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("package", r.distribution());
            p.put("range", r.range().toString());
            p.put("releases", r.allowedReleasesNewestFirst().stream().map(Object::toString).toList());
            r.lower().ifPresent(b -> p.put("lower", bound(b.version().toString(), b.symbol(), b.reference(), root)));
            r.upper().ifPresent(b -> p.put("upper", bound(b.version().toString(), b.symbol(), b.reference(), root)));
            if (r.isEmpty()) {
                Map<String, Object> c = new LinkedHashMap<>();
                RangeInference.newestNeed(r).ifPresent(b -> c.put("needsFrom", bound(b.version().toString(), b.symbol(), b.reference(), root)));
                RangeInference.earliestRemoval(r).ifPresent(b -> c.put("goneIn", bound(b.version().toString(), b.symbol(), b.reference(), root)));
                c.put("inNoRelease", RangeInference.neverSatisfied(r).stream().map(n -> ordered("path", n.reference().path()
                        + n.reference().keyword().map(k -> "(" + k + "=)").orElse(""),
                        "location", n.reference().location().relativeTo(root).display())).toList());
                p.put("collision", c);
            }
            p.put("unknown", r.unknown().stream().map(u -> ordered("path", u.path(),
                    "location", u.location().relativeTo(root).display())).toList());
            p.put("notBinding", r.nonBinding().stream().map(u -> ordered("path", u.path(),
                    "condition", u.condition().name(), "location", u.location().relativeTo(root).display())).toList());
            packages.add(p);
        }
        doc.put("packages", packages);
        doc.put("uncatalogued", a.uncataloguedImports());
        doc.put("lints", a.lints().stream().map(l -> ordered("rule", l.rule().id(),
                "location", l.call().relativeTo(root).display(), "message", l.message(root))).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys in the order given: Map.of's order changes from one JVM to the next, and --json output should not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static Map<String, Object> bound(String version, String symbol, SymbolReference ref, Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("symbol", symbol);
        m.put("location", ref.location().relativeTo(root).display());
        return m;
    }
}
