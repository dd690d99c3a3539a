package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.ApiPath;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.catalogue.IndexRanges;
import dev.fitcheck.catalogue.MemberApi;
import dev.fitcheck.catalogue.Modifier;
import dev.fitcheck.catalogue.NameApi;
import dev.fitcheck.catalogue.NameVariant;
import dev.fitcheck.catalogue.PresenceText;
import dev.fitcheck.catalogue.Signature;
import dev.fitcheck.catalogue.SymbolKind;
import dev.fitcheck.catalogue.Versioned;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck catalogue show P MODULE [NAME]}: in which releases a module, a name in it, or a
 * member ({@code NAME} as {@code Class.member}) exists, read offline from the catalogue. For a
 * Maven artifact ({@code maven:com.google.guava:guava}) the module is a Java package, the name a
 * class's binary name ({@code Objects$ToStringHelper}), and a member every overload of that name,
 * each with its descriptor and modifiers.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "In which releases a module, a name (or Class.member) of a package exists.")
final class CatalogueShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE",
            description = "A Python distribution (transformers) or a Maven artifact (maven:com.google.guava:guava).")
    String packageName;

    @Parameters(index = "1", paramLabel = "MODULE",
            description = "A dotted module, e.g. transformers.cache_utils, or a Java package.")
    String module;

    @Parameters(index = "2", paramLabel = "NAME", arity = "0..1",
            description = "A name in the module, or Class.member (Java: Outer$Inner.method, or method(descriptor) for one overload).")
    String name;

    @Option(names = "--catalogue", paramLabel = "FILE", description = "Read this catalogue file.")
    Path catalogueFile;

    @Option(names = "--catalogue-dir", paramLabel = "DIR",
            description = "The catalogue store to look in (default: ~/.cache/fitcheck/catalogues).")
    Path catalogueDir;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CataloguePackage pkg = CataloguePackage.parse(packageName);
        String dist = pkg.display();
        ApiCatalogue c = CatalogueFiles.load(pkg, catalogueFile, catalogueDir);
        ApiPath path;
        if (name == null) {
            path = ApiPath.module(module);
        } else {
            int dot = name.indexOf('.');
            path = dot < 0 ? ApiPath.name(module, name) : ApiPath.member(module, name.substring(0, dot), name.substring(dot + 1));
        }
        IndexRanges present = c.presence(path);
        IndexRanges undecided = path.member().isPresent()
                ? c.memberPresence(module, path.name().get(), path.member().get()).undecided() : IndexRanges.empty();
        boolean java = c.axis().ecosystem() == Ecosystem.MAVEN;
        // Python's parameter lists per version; Java's descriptors are listed with each overload below
        List<Versioned<Signature>> signatures = path.name().isPresent() && !java ? c.signatures(path) : List.of();
        Optional<NameApi> nameApi = path.name().flatMap(n -> c.name(module, n));
        // Java's methods are keyed by name and descriptor: a member path names every overload
        List<MemberApi> overloads = java && path.member().isPresent()
                ? nameApi.map(n -> ApiCatalogue.membersNamed(n, path.member().get())).orElse(List.of()) : List.of();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(c, path, present, undecided, signatures, nameApi, overloads));
            return ExitCode.OK;
        }
        String what = path.member().isPresent() ? "member" : path.name().isPresent() ? kind(c, nameApi) : "module";
        out.printf("%s %s (%s): %s%n", dist, path.dotted(), what, PresenceText.describe(c, present));
        out.printf("  as versions: %s%n", c.rangeText(present));
        if (!undecided.isEmpty()) {
            out.printf("  not found, but not provably absent (a base class outside %s, or an attribute of a value) in: %s%n",
                    dist, PresenceText.describe(c, undecided));
        }
        if (path.member().isEmpty() && nameApi.isPresent()) {
            String always = constant(nameApi.get().modifiers(), nameApi.get().anyPresence());
            for (NameVariant v : nameApi.get().variants()) {
                out.printf("  %s%s%s%s%s: %s%n", always, v.kind().label(), v.target() == null ? "" : " of " + v.target(),
                        v.typeOnly() ? " (type checking only)" : "",
                        java && !v.exported() ? " (not visible outside its package)" : "",
                        PresenceText.describe(c, v.versions()));
            }
            for (Versioned<List<String>> b : nameApi.get().bases()) {
                out.printf("  bases %s: %s%n", String.join(", ", b.value()), PresenceText.describeChange(c, b.versions()));
            }
            if (always.isEmpty()) printModifiers(out, c, "  ", nameApi.get().modifiers());
            if (java) {
                out.printf("  %d members; `fitcheck catalogue show %s %s %s.MEMBER` for one%n",
                        nameApi.get().members().size(), dist, module, path.name().get());
            }
        }
        for (Versioned<Signature> s : signatures) {
            out.printf("  (%s): %s%n", s.value(), PresenceText.describeChange(c, s.versions()));
        }
        for (MemberApi m : overloads) {
            SymbolKind k = Versioned.at(m.kinds(), m.presence().last());
            String always = constant(m.modifiers(), m.presence());
            out.printf("  %s%s %s: %s%n", always, k.label(), m.member(), PresenceText.describe(c, m.presence()));
            if (k == SymbolKind.FIELD) {
                for (Versioned<Signature> s : m.signatures()) {
                    out.printf("    type %s: %s%n", s.value(), PresenceText.describeChange(c, s.versions()));
                }
            }
            if (always.isEmpty()) printModifiers(out, c, "    ", m.modifiers());
        }
        if (name == null) {
            c.module(module).ifPresent(m -> out.printf("  %d names; `fitcheck catalogue show %s %s NAME` for one%n",
                    m.names().size(), dist, module));
        }
        return ExitCode.OK;
    }

    /** {@code "static "} when one set of modifiers holds wherever the symbol exists, else {@code ""}. */
    private static String constant(List<Versioned<Set<Modifier>>> mods, IndexRanges presence) {
        if (mods.size() != 1 || !mods.get(0).versions().equals(presence)) return "";
        return Modifier.describe(mods.get(0).value()) + " ";
    }

    private static void printModifiers(PrintWriter out, ApiCatalogue c, String indent, List<Versioned<Set<Modifier>>> mods) {
        for (Versioned<Set<Modifier>> m : mods) {
            out.printf("%s%s: %s%n", indent, Modifier.describe(m.value()), PresenceText.describeChange(c, m.versions()));
        }
    }

    private static String kind(ApiCatalogue c, Optional<NameApi> n) {
        if (n.isEmpty()) return "name";
        int newest = n.get().anyPresence().last();
        NameVariant v = n.get().variantAt(newest);
        return v == null ? "name" : v.kind().label();
    }

    private static String json(ApiCatalogue c, ApiPath path, IndexRanges present, IndexRanges undecided,
                               List<Versioned<Signature>> signatures, Optional<NameApi> nameApi,
                               List<MemberApi> overloads) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("package", c.packageName());
        if (c.axis().ecosystem() != Ecosystem.PYPI) o.put("ecosystem", c.ecosystem());
        o.put("module", path.module());
        path.name().ifPresent(n -> o.put("name", n));
        path.member().ifPresent(n -> o.put("member", n));
        List<String> labels = c.versionLabels();
        o.put("catalogued", labels.get(0) + " – " + labels.get(labels.size() - 1));
        o.put("versions", c.rangeText(present));
        o.set("present", stretches(m, c, present));
        if (!undecided.isEmpty()) o.set("inheritedFromOutside", stretches(m, c, undecided));
        if (!present.isEmpty()) {
            o.put("firstWith", c.label(present.first()));
            int after = present.high(0) + 1;
            if (after < labels.size()) o.put("firstWithout", c.label(after));
        }
        if (path.member().isEmpty() && nameApi.isPresent()) {
            ArrayNode variants = o.putArray("bindings");
            for (NameVariant v : nameApi.get().variants()) {
                ObjectNode x = variants.addObject();
                x.put("kind", v.kind().label());
                if (v.target() != null) x.put("target", v.target());
                x.put("typeOnly", v.typeOnly());
                x.put("starExported", v.exported());
                x.set("present", stretches(m, c, v.versions()));
            }
            if (!nameApi.get().modifiers().isEmpty()) o.set("modifiers", modifiers(m, c, nameApi.get().modifiers()));
        }
        ArrayNode sigs = o.putArray("signatures");
        for (Versioned<Signature> s : signatures) {
            ObjectNode x = sigs.addObject();
            x.put("parameters", s.value().toString());
            if (s.value().hasAliases()) {
                // keywords a decorator (deprecate_kwarg) accepts and passes on under a parameter's name
                ObjectNode renamed = x.putObject("renamedKeywords");
                for (Signature.Alias a : s.value().aliases()) renamed.put(a.name(), a.parameter());
            }
            x.set("present", stretches(m, c, s.versions()));
        }
        if (!overloads.isEmpty()) {
            ArrayNode members = o.putArray("members");
            for (MemberApi mem : overloads) {
                ObjectNode x = members.addObject();
                x.put("member", mem.member());
                x.put("kind", Versioned.at(mem.kinds(), mem.presence().last()).label());
                x.set("present", stretches(m, c, mem.presence()));
                ArrayNode descriptors = x.putArray("descriptors");
                for (Versioned<Signature> s : mem.signatures()) {
                    descriptors.addObject().put("descriptor", s.value().toString()).set("present", stretches(m, c, s.versions()));
                }
                x.set("modifiers", modifiers(m, c, mem.modifiers()));
            }
        }
        return m.writeValueAsString(o);
    }

    private static ArrayNode modifiers(ObjectMapper m, ApiCatalogue c, List<Versioned<Set<Modifier>>> mods) {
        ArrayNode a = m.createArrayNode();
        for (Versioned<Set<Modifier>> v : mods) {
            a.addObject().put("modifiers", Modifier.describe(v.value())).set("present", stretches(m, c, v.versions()));
        }
        return a;
    }

    private static ArrayNode stretches(ObjectMapper m, ApiCatalogue c, IndexRanges r) {
        ArrayNode a = m.createArrayNode();
        for (PresenceText.Stretch s : PresenceText.stretches(c, r)) {
            ObjectNode x = a.addObject();
            x.put("from", s.from());
            x.put("to", s.to());
            if (s.removedIn() != null) x.put("removedIn", s.removedIn());
        }
        return a;
    }
}
