package dev.fitcheck.report;

import dev.fitcheck.report.chart.MemoryBarsChart;
import dev.fitcheck.report.chart.ReleaseTimelineChart;
import dev.fitcheck.report.document.Block;
import dev.fitcheck.report.document.Document;
import dev.fitcheck.report.document.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lays a report out as a document, section by section, in the order a person reads it: the
 * verdict, the dependency conflicts, the solutions, the next steps. Formats come after: the same
 * document becomes Markdown or HTML.
 */
public final class ReportLayout {

    public Document layout(Report r) {
        Document.Builder doc = Document.builder(r.title());
        summary(r, doc);
        dependencies(r, doc);
        comparison(r, doc);
        memory(r, doc);
        lints(r, doc);
        solutions(r, doc);
        tests(r, doc);
        doc.heading(2, "Next steps");
        doc.numbered(r.nextSteps().stream().map(ReportLayout::withCode).toList());
        return doc.build();
    }

    private static void summary(Report r, Document.Builder doc) {
        doc.heading(2, "Summary");
        doc.paragraph(Text.builder().strong("Verdict:").plain(" " + r.summary().verdict()).build());
        doc.paragraph(Text.builder().strong("Recommendation:").plain(" " + r.summary().recommendation()).build());
        doc.bullets(r.summary().findings().stream().map(ReportLayout::withCode).toList());
    }

    private static void dependencies(Report r, Document.Builder doc) {
        doc.heading(2, "Dependency conflicts");
        List<DependencyRow> shared = r.dependencies().stream().filter(d -> d.models().size() > 1 || hasCode(d)).toList();
        List<DependencyRow> single = r.dependencies().stream().filter(d -> d.models().size() <= 1 && !hasCode(d)).toList();
        List<Text> headers = new ArrayList<>();
        headers.add(Text.plain("Package"));
        r.models().forEach(m -> headers.add(Text.plain(m)));
        headers.add(Text.plain("Today"));
        headers.add(Text.plain("Verdict"));
        List<List<Text>> rows = new ArrayList<>();
        for (DependencyRow d : shared) {
            List<Text> row = new ArrayList<>();
            row.add(Text.code(d.distribution()));
            for (String model : r.models()) {
                row.add(side(d, model));
            }
            row.add(d.installedToday().map(e -> Text.plain(e.claim())).orElse(Text.plain("-")));
            row.add(verdictCell(d));
            rows.add(row);
        }
        List<Boolean> numeric = headers.stream().map(h -> false).toList();
        doc.paragraph("Packages that more than one model needs, or whose range fitcheck inferred from the code. "
                + "\"code\" is the range the model's code can run on, from the symbols it uses (with entry points: "
                + "the files they run; \"whole tree\" adds the rest, training code for one); "
                + "each bound names the symbol and the line.");
        doc.add(new Block.Table(headers, rows, numeric));

        List<Text> why = new ArrayList<>();
        for (DependencyRow d : shared) {
            if (d.verdict().status().equals("shared")) continue;
            d.verdict().declared().collision().ifPresent(c -> why.add(withCode(d.distribution() + ", pins: " + c + ".")));
            d.verdict().code().collision().ifPresentOrElse(
                    c -> why.add(withCode(d.distribution() + ", code: " + c + ".")),
                    () -> {
                        if (!d.verdict().code().newestReleases().isEmpty() && hasCode(d)) {
                            why.add(withCode(d.distribution() + ", code: every model's code runs on "
                                    + d.verdict().code().allowed() + " (newest: "
                                    + String.join(", ", d.verdict().code().newestReleases()) + ")."));
                        }
                    });
        }
        for (DependencyRow d : r.dependencies()) {
            for (DependencyRow.ModelRequirement m : d.models()) {
                m.disagreements().forEach(s -> why.add(withCode(m.model() + ": " + s + ".")));
            }
        }
        if (!why.isEmpty()) {
            doc.heading(3, "Why");
            doc.bullets(why);
        }
        r.timeline().ifPresent(t -> doc.add(ReleaseTimelineChart.block(t)));
        if (!single.isEmpty()) {
            doc.heading(3, "Declared by one model");
            List<List<Text>> singles = new ArrayList<>();
            for (DependencyRow d : single) {
                DependencyRow.ModelRequirement m = d.models().get(0);
                singles.add(List.of(Text.code(d.distribution()), Text.plain(m.model()), Text.plain(declaredText(m)),
                        d.installedToday().map(e -> Text.plain(e.claim())).orElse(Text.plain("-"))));
            }
            doc.add(new Block.Table(List.of(Text.plain("Package"), Text.plain("Model"), Text.plain("Declared"),
                    Text.plain("Today")), singles, List.of(false, false, false, false)));
        }
    }

    private static boolean hasCode(DependencyRow d) {
        return d.models().stream().anyMatch(m -> m.codeRange().isPresent());
    }

    private static Text side(DependencyRow d, String model) {
        Optional<DependencyRow.ModelRequirement> m = d.models().stream().filter(x -> x.model().equals(model)).findFirst();
        if (m.isEmpty()) return Text.plain("-");
        Text.Builder t = Text.builder();
        t.plain(declaredText(m.get()));
        if (m.get().codeRange().isPresent()) {
            t.plain("; code " + m.get().codeRange().get());
            List<Evidence> bounds = m.get().codeBounds();
            for (int i = 0; i < bounds.size(); i++) {
                Evidence b = bounds.get(i);
                t.plain(i == 0 ? " (" : ", ").plain(b.claim().startsWith(">=") ? "from " : "until ").code(b.because())
                        .plain(" " + b.location());
            }
            if (!bounds.isEmpty()) t.plain(")");
            m.get().wholeTree().ifPresent(w -> t.plain("; whole tree " + w));
        }
        for (Evidence e : m.get().transitive()) {
            t.plain("; " + e.because());
        }
        return t.build();
    }

    private static String declaredText(DependencyRow.ModelRequirement m) {
        if (m.declared().isEmpty()) return "not declared";
        return m.declared().stream().map(e -> e.claim() + " (" + e.location() + ")").collect(Collectors.joining(", "));
    }

    private static Text verdictCell(DependencyRow d) {
        DependencyRow.Verdict v = d.verdict();
        if (v.status().equals("shared")) {
            String newest = v.effective().newestReleases().isEmpty() ? v.effective().allowed()
                    : v.effective().newestReleases().get(0);
            return Text.builder().plain("shared: " + newest).build();
        }
        return Text.strong(v.status());
    }

    private static void comparison(Report r, Document.Builder doc) {
        if (r.comparison().isEmpty()) return;
        doc.heading(2, "Model comparison");
        List<Text> headers = new ArrayList<>();
        headers.add(Text.plain("Feature"));
        r.models().forEach(m -> headers.add(Text.plain(m)));
        List<List<Text>> rows = new ArrayList<>();
        for (Report.ComparisonRow row : r.comparison()) {
            List<Text> cells = new ArrayList<>();
            cells.add(Text.plain(row.feature()));
            row.values().forEach(v -> cells.add(Text.plain(v)));
            rows.add(cells);
        }
        doc.add(new Block.Table(headers, rows, headers.stream().map(h -> false).toList()));
    }

    private static void memory(Report r, Document.Builder doc) {
        if (r.memory().isEmpty()) return;
        MemorySection m = r.memory().get();
        doc.heading(2, "Memory analysis");
        doc.paragraph(Text.builder().strong("GPU:").plain(" " + m.gpu() + ", " + m.capacity() + " (" + m.source() + ").")
                .build());
        List<List<Text>> services = new ArrayList<>();
        for (MemorySection.ServiceRow s : m.services()) {
            services.add(List.of(Text.plain(s.name()), Text.plain(s.description()), Text.plain(s.memory()),
                    Text.plain(s.live() ? "measured now" : "from fitcheck.yaml")));
        }
        services.add(List.of(Text.strong("Available"), Text.plain(""), Text.strong(m.available()), Text.plain("")));
        doc.add(new Block.Table(List.of(Text.plain("Service"), Text.plain("What"), Text.plain("Memory"), Text.plain("Source")),
                services, List.of(false, false, true, false)));
        doc.paragraph("Each configuration is planned for " + m.question() + ", against reserved (not allocated) memory.");
        r.memoryBars().ifPresent(b -> doc.add(MemoryBarsChart.block(b)));
        for (MemorySection.ModelMemory mm : m.models()) {
            doc.heading(3, mm.title() + " (" + mm.model() + ")");
            String parts = mm.parts().stream().map(p -> p.role() + " " + String.format(java.util.Locale.ROOT, "%,d", p.parameters()))
                    .collect(Collectors.joining(", "));
            doc.paragraph(Text.plain(mm.parameters() + " parameters: " + parts + "."));
            List<List<Text>> rows = new ArrayList<>();
            for (MemorySection.ConfigurationRow c : mm.configurations()) {
                rows.add(List.of(Text.plain(c.configuration()), Text.plain(c.weights()), Text.plain(c.caches()),
                        Text.plain(c.activations()), Text.plain(c.context()), Text.strong(c.need()),
                        Text.plain(c.problems().isEmpty() ? (c.fitsNow() ? "yes" : "no") : "fails: " + c.problems().get(0)),
                        Text.plain(c.withServices()), Text.plain(c.longestVideoNow()), Text.plain(c.longestVideoAllStopped())));
            }
            doc.add(new Block.Table(List.of(Text.plain("Configuration"), Text.plain("Weights"), Text.plain("Caches"),
                    Text.plain("Activations"), Text.plain("CUDA context"), Text.plain("Need"), Text.plain("Fits now"),
                    Text.plain("Services"), Text.plain("Longest video now"), Text.plain("All stopped")), rows,
                    List.of(false, true, true, true, true, true, false, false, true, true)));
            if (!mm.mustStayUnquantized().isEmpty() || !mm.warnings().isEmpty()) {
                doc.heading(4, "Quantization: " + mm.model());
                List<List<Text>> kept = mm.mustStayUnquantized().stream()
                        .map(k -> List.of(Text.code(k.module()), Text.plain(k.reason()), Text.plain(k.cost()))).toList();
                if (!kept.isEmpty()) {
                    doc.add(new Block.Table(List.of(Text.plain("Module kept in fp16/bf16"), Text.plain("Why"),
                            Text.plain("Cost")), kept, List.of(false, false, true)));
                }
                doc.bullets(mm.warnings().stream().map(ReportLayout::withCode).toList());
            }
            doc.bullets(mm.notes().stream().map(ReportLayout::withCode).toList());
        }
    }

    private static void tests(Report r, Document.Builder doc) {
        doc.heading(2, "Test results");
        if (r.tests().isEmpty()) {
            doc.paragraph(Text.builder().plain("No test run yet. Run ").code("./fitcheck test MODEL").plain(".").build());
            return;
        }
        for (TestRunSection t : r.tests()) {
            doc.heading(3, t.model() + ": " + t.outcome());
            doc.paragraph(Text.plain(t.when() + ", " + t.environment() + "."));
            List<List<Text>> rows = t.stages().stream().map(s -> List.of(Text.plain(s.name()), Text.strong(s.status()),
                    Text.plain(s.duration()), withCode(String.join("; ", s.evidence())))).toList();
            doc.add(new Block.Table(List.of(Text.plain("Stage"), Text.plain("Status"), Text.plain("Duration"),
                    Text.plain("Evidence")), rows, List.of(false, false, true, false)));
            doc.bullets(t.figures().stream().map(ReportLayout::withCode).toList());
        }
    }

    private static void lints(Report r, Document.Builder doc) {
        if (r.lints().isEmpty()) return;
        doc.heading(2, "Static checks");
        List<List<Text>> rows = r.lints().stream()
                .map(l -> List.of(Text.plain(l.model()), Text.code(l.location()), withCode(l.message()), withCode(l.help())))
                .toList();
        doc.add(new Block.Table(List.of(Text.plain("Model"), Text.plain("Where"), Text.plain("Problem"), Text.plain("Fix")),
                rows, List.of(false, false, false, false)));
    }

    private static void solutions(Report r, Document.Builder doc) {
        doc.heading(2, "Solutions");
        int n = 1;
        for (Solution s : r.solutions()) {
            doc.heading(3, "Option " + n++ + ": " + s.title());
            doc.paragraph(Text.builder().strong("Status:").plain(" " + s.status() + ". ").strong("Cost:")
                    .plain(" " + s.cost() + ".").build());
            doc.bullets(s.details().stream().map(ReportLayout::withCode).toList());
            if (!s.steps().isEmpty()) {
                doc.code("bash", String.join("\n", s.steps().stream().map(st -> st.startsWith("./") ? st : "# " + st).toList()));
            }
            List<Text> pc = new ArrayList<>();
            s.pros().forEach(p -> pc.add(Text.plain("+ " + p)));
            s.cons().forEach(c -> pc.add(Text.plain("- " + c)));
            if (!pc.isEmpty()) doc.paragraph(Text.plain(pc.stream().map(Text::plainText).collect(Collectors.joining("; "))));
        }
    }

    /** Marks `backticked` parts of a sentence as code. */
    static Text withCode(String s) {
        Text.Builder t = Text.builder();
        String[] parts = s.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) continue;
            if (i % 2 == 1) t.code(parts[i]); else t.plain(parts[i]);
        }
        return t.build();
    }
}
