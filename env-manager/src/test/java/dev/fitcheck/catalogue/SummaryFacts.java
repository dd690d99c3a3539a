package dev.fitcheck.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fitcheck.python.BoundName;
import dev.fitcheck.python.ClassMember;
import dev.fitcheck.python.ClassSummary;
import dev.fitcheck.python.ModuleSummary;
import dev.fitcheck.python.Parameter;
import dev.fitcheck.python.Parameters;
import dev.fitcheck.python.StarImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A module's summary as comparable facts, one set per category, made the same way from fitcheck's
 * {@link ModuleSummary} and from the ast oracle's JSON.
 */
final class SummaryFacts {

    static final List<String> CATEGORIES = List.of("names", "imports", "lines", "signatures", "stars", "classes",
            "members", "all", "lazy");

    private SummaryFacts() {
    }

    private static Map<String, Set<String>> empty() {
        Map<String, Set<String>> m = new TreeMap<>();
        for (String c : CATEGORIES) m.put(c, new TreeSet<>());
        return m;
    }

    private static String sig(Parameters p) {
        if (p == null) return "-";
        List<String> out = new ArrayList<>();
        for (Parameter x : p.parameters()) out.add(x.name() + ":" + x.kind() + (x.hasDefault() ? "=" : ""));
        for (Parameters.Alias a : p.aliases()) out.add(a.name() + "->" + a.parameter());
        return String.join(" ", out);
    }

    private static String sig(JsonNode n) {
        if (n == null || n.isNull()) return "-";
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (x.get(1).asText().equals("ALIAS")) out.add(x.get(0).asText() + "->" + x.get(2).asText());
            else out.add(x.get(0).asText() + ":" + x.get(1).asText() + (x.get(2).asBoolean() ? "=" : ""));
        }
        return String.join(" ", out);
    }

    static Map<String, Set<String>> of(ModuleSummary s) {
        Map<String, Set<String>> m = empty();
        for (BoundName b : s.names()) {
            m.get("names").add(b.name() + " " + b.kind() + (b.typeOnly() ? " type-only" : ""));
            m.get("lines").add(b.name() + "@" + b.line());
            if (b.signature() != null) m.get("signatures").add(b.name() + "(" + sig(b.signature()) + ")");
            if (b.source() != null) {
                m.get("imports").add(b.name() + " <- " + b.source().level() + ":" + b.source().module() + ":" + b.source().name());
            }
        }
        for (StarImport x : s.starImports()) {
            m.get("stars").add(x.source().level() + ":" + x.source().module() + (x.typeOnly() ? " type-only" : ""));
        }
        for (ClassSummary c : s.classes()) {
            List<String> bases = c.bases().stream().map(b -> b.replaceAll("\\s+", "")).toList();
            m.get("classes").add(c.name() + "(" + String.join(",", bases) + ")" + (c.typeOnly() ? " type-only" : ""));
            for (ClassMember x : c.members()) {
                m.get("members").add(c.name() + "." + x.name() + " " + x.kind() + " (" + sig(x.signature()) + ")");
            }
        }
        s.dunderAll().ifPresent(a -> {
            m.get("all").addAll(a);
            m.get("all").add("<complete=" + s.dunderAllComplete() + ">");
        });
        s.lazyExports().importStructure().forEach((k, v) -> {
            m.get("lazy").add("key " + k);
            for (String x : v) m.get("lazy").add(k + ":" + x);
        });
        m.get("lazy").add("<define_import_structure=" + s.lazyExports().definesImportStructure() + ">");
        m.get("lazy").add("<module_getattr=" + s.lazyExports().moduleGetattr() + ">");
        return m;
    }

    static Map<String, Set<String>> of(JsonNode o) {
        Map<String, Set<String>> m = empty();
        for (JsonNode b : o.get("names")) {
            String n = b.get("name").asText();
            m.get("names").add(n + " " + b.get("kind").asText() + (b.get("typeOnly").asBoolean() ? " type-only" : ""));
            m.get("lines").add(n + "@" + b.get("line").asInt());
            if (!b.get("signature").isNull()) m.get("signatures").add(n + "(" + sig(b.get("signature")) + ")");
            JsonNode src = b.get("source");
            if (!src.isNull()) {
                m.get("imports").add(n + " <- " + src.get(0).asInt() + ":" + src.get(1).asText() + ":"
                        + (src.get(2).isNull() ? "null" : src.get(2).asText()));
            }
        }
        for (JsonNode x : o.get("stars")) {
            m.get("stars").add(x.get(0).asInt() + ":" + x.get(1).asText() + (x.get(2).asBoolean() ? " type-only" : ""));
        }
        for (JsonNode c : o.get("classes")) {
            List<String> bases = new ArrayList<>();
            c.get("bases").forEach(q -> bases.add(q.asText().replaceAll("\\s+", "")));
            String name = c.get("name").asText();
            m.get("classes").add(name + "(" + String.join(",", bases) + ")" + (c.get("typeOnly").asBoolean() ? " type-only" : ""));
            for (JsonNode x : c.get("members")) {
                m.get("members").add(name + "." + x.get(0).asText() + " " + x.get(1).asText() + " (" + sig(x.get(2)) + ")");
            }
        }
        if (!o.get("all").isNull()) {
            o.get("all").forEach(x -> m.get("all").add(x.asText()));
            m.get("all").add("<complete=" + o.get("allComplete").asBoolean() + ">");
        }
        o.get("structure").fields().forEachRemaining(e -> {
            m.get("lazy").add("key " + e.getKey());
            for (JsonNode x : e.getValue()) m.get("lazy").add(e.getKey() + ":" + x.asText());
        });
        m.get("lazy").add("<define_import_structure=" + o.get("definesImportStructure").asBoolean() + ">");
        boolean getattr = false;
        for (JsonNode b : o.get("names")) {
            getattr |= b.get("name").asText().equals("__getattr__") && !b.get("typeOnly").asBoolean();
        }
        m.get("lazy").add("<module_getattr=" + getattr + ">");
        return m;
    }
}
