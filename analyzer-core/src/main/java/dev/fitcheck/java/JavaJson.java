package dev.fitcheck.java;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON form of scan and gate reports ({@code --json}): plain objects, file paths relative to
 * the repository root, fields in a fixed order, so the output can be diffed and read by scripts.
 */
public final class JavaJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public JavaJson(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public String scan(List<ModuleReport> modules) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", "fitcheck-java-scan/1");
        ArrayNode ms = doc.putArray("modules");
        for (ModuleReport m : modules) {
            ObjectNode mn = ms.addObject();
            mn.put("module", m.module());
            mn.put("pom", rel(m.pom()));
            mn.put("sourceFiles", m.sourceFiles());
            mn.put("sourceReferences", m.sourceReferences());
            ArrayNode rs = mn.putArray("ranges");
            for (DependencyRange r : m.ranges()) {
                ObjectNode rn = rs.addObject();
                rn.put("dependency", r.artifact());
                rn.put("resolved", r.resolvedVersion());
                rn.put("range", r.range());
                strings(rn.putArray("checked"), r.checkedVersions());
                strings(rn.putArray("compatible"), r.compatibleVersions());
                r.lower().ifPresent(b -> bound(rn.putObject("lower"), b));
                r.upper().ifPresent(b -> bound(rn.putObject("upper"), b));
                rn.put("sourceReferences", r.sourceReferences());
                rn.put("classFileReferences", r.classFileReferences());
                ArrayNode un = rn.putArray("unverified");
                r.unverified().forEach(u -> reference(un.addObject(), u));
            }
            ArrayNode ls = mn.putArray("linkageProblems");
            for (LinkageProblem p : m.linkageProblems()) {
                ObjectNode pn = ls.addObject();
                pn.put("from", p.sourceId());
                reference(pn, p.reference());
                pn.put("outcome", p.outcome().name());
                pn.put("provider", p.provider());
            }
            mn.put("linkageReferencesChecked", m.linkageReferencesChecked());
            ArrayNode cs = mn.putArray("versionConflicts");
            for (ConvergenceProblem c : m.convergence()) {
                ObjectNode cn = cs.addObject();
                cn.put("artifact", c.artifact());
                cn.put("selected", c.selectedVersion());
                ArrayNode reqs = cn.putArray("requests");
                for (ConvergenceProblem.Request q : c.requests()) {
                    ObjectNode qn = reqs.addObject();
                    qn.put("version", q.version());
                    strings(qn.putArray("path"), q.path());
                }
            }
            ArrayNode us = mn.putArray("unresolved");
            for (UnresolvedUse u : m.unresolved()) {
                us.addObject().put("at", u.location().relativeTo(root).display()).put("text", u.text()).put("reason", u.reason());
            }
            strings(mn.putArray("parseProblems"), m.parseProblems());
            strings(mn.putArray("errors"), m.errors());
        }
        return write(doc);
    }

    public String gate(List<GateReport> modules) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", "fitcheck-java-gate/1");
        doc.put("passed", modules.stream().allMatch(m -> m.result().passed()));
        ArrayNode ms = doc.putArray("modules");
        for (GateReport m : modules) {
            ObjectNode mn = ms.addObject();
            mn.put("module", m.module());
            mn.put("pom", rel(m.pom()));
            mn.put("passed", m.result().passed());
            ArrayNode us = mn.putArray("upgrades");
            for (Upgrade u : m.result().upgrades()) {
                us.addObject().put("artifact", u.artifact()).put("from", u.fromVersion()).put("to", u.toVersion());
            }
            ArrayNode bs = mn.putArray("breaks");
            for (UpgradeBreak b : m.result().breaks()) {
                ObjectNode bn = bs.addObject();
                reference(bn, b.reference());
                bn.put("outcome", b.outcome().name());
                bn.put("provider", b.provider());
            }
            ArrayNode ls = mn.putArray("newLinkageProblems");
            for (LinkageProblem p : m.result().newLinkageProblems()) {
                ObjectNode pn = ls.addObject();
                pn.put("from", p.sourceId());
                reference(pn, p.reference());
                pn.put("outcome", p.outcome().name());
                pn.put("provider", p.provider());
            }
            mn.put("sourceReferencesChecked", m.result().sourceReferencesChecked());
            strings(mn.putArray("errors"), m.errors());
        }
        return write(doc);
    }

    private void bound(ObjectNode n, RangeBound b) {
        n.put("failsIn", b.failingVersion());
        n.put("outcome", b.outcome().name());
        reference(n.putObject("evidence"), b.evidence());
        n.put("alsoFailing", b.alsoFailing());
    }

    private void reference(ObjectNode n, JavaReference r) {
        n.put("symbol", r.symbol().display());
        n.put("kind", r.symbol().kind().name());
        n.put("owner", r.symbol().owner());
        if (!r.symbol().name().isEmpty()) n.put("name", r.symbol().name());
        if (!r.symbol().descriptor().isEmpty()) n.put("descriptor", r.symbol().descriptor());
        if (r.site() instanceof SourceSite s) {
            n.put("at", s.relativeTo(root).display());
        } else {
            n.put("at", r.site().display());
        }
    }

    private String rel(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String write(ObjectNode doc) {
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
