package dev.fitcheck.report;

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
        lints(r, doc);
        solutions(r, doc);
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
                + "\"code\" is the range the model's sources can run on, from the symbols they use; "
                + "each bound names the symbol and the line.");
        doc.add(new Block.Table(headers, rows, numeric));

        List<Text> why = new ArrayList<>();
        for (DependencyRow d : shared) {
            if (d.verdict().status().equals("shared")) continue;
            d.verdict().declared().collision().ifPresent(c -> why.add(withCode(d.distribution() + ", pins: " + c + ".")));
            d.verdict().code().collision().ifPresentOrElse(
                    c -> why.add(withCode(d.distribution() + ", code: " + c + ".")),
                    () -> {
                        if (!d.verdict().code().newestReleases().isEmpty()) {
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
            for (Evidence b : m.get().codeBounds()) {
                t.plain(" " + b.claim() + " ").code(b.because()).plain(" " + b.location());
            }
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
