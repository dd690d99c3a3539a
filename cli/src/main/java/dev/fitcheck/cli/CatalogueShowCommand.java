package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.ApiPath;
import dev.fitcheck.catalogue.IndexRanges;
import dev.fitcheck.catalogue.NameApi;
import dev.fitcheck.catalogue.NameVariant;
import dev.fitcheck.catalogue.PresenceText;
import dev.fitcheck.catalogue.Signature;
import dev.fitcheck.catalogue.Versioned;
import dev.fitcheck.manifest.PackageName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck catalogue show P MODULE [NAME]}: in which releases a module, a name in it, or a
 * member ({@code NAME} as {@code Class.member}) exists, read offline from the catalogue.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "In which releases a module, a name (or Class.member) of a package exists.")
final class CatalogueShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE")
    String packageName;

    @Parameters(index = "1", paramLabel = "MODULE", description = "A dotted module, e.g. transformers.cache_utils.")
    String module;

    @Parameters(index = "2", paramLabel = "NAME", arity = "0..1", description = "A name in the module, or Class.member.")
    String name;

    @Option(names = "--catalogue", paramLabel = "FILE", description = "Read this catalogue file.")
    Path catalogueFile;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String dist = PackageName.normalize(packageName);
        ApiCatalogue c = CatalogueFiles.load(dist, catalogueFile);
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
        List<Versioned<Signature>> signatures = path.name().isPresent() ? c.signatures(path) : List.of();
        Optional<NameApi> nameApi = path.name().flatMap(n -> c.name(module, n));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(c, path, present, undecided, signatures, nameApi));
            return ExitCode.OK;
        }
        String what = path.member().isPresent() ? "member" : path.name().isPresent() ? kind(c, nameApi) : "module";
        out.printf("%s %s (%s): %s%n", dist, path.dotted(), what, PresenceText.describe(c, present));
        out.printf("  as versions: %s%n", present.isEmpty() ? "none" : c.toVersionSet(present));
        if (!undecided.isEmpty()) {
            out.printf("  not found, but not provably absent (a base class outside %s, or an attribute of a value) in: %s%n",
                    dist, PresenceText.describe(c, undecided));
        }
        if (path.member().isEmpty() && nameApi.isPresent()) {
            for (NameVariant v : nameApi.get().variants()) {
                out.printf("  %s%s%s: %s%n", v.kind().label(), v.target() == null ? "" : " of " + v.target(),
                        v.typeOnly() ? " (type checking only)" : "", PresenceText.describe(c, v.versions()));
            }
            for (Versioned<List<String>> b : nameApi.get().bases()) {
                out.printf("  bases %s: %s%n", String.join(", ", b.value()), PresenceText.describeChange(c, b.versions()));
            }
        }
        for (Versioned<Signature> s : signatures) {
            out.printf("  (%s): %s%n", s.value(), PresenceText.describeChange(c, s.versions()));
        }
        if (name == null) {
            c.module(module).ifPresent(m -> out.printf("  %d names; `fitcheck catalogue show %s %s NAME` for one%n",
                    m.names().size(), dist, module));
        }
        return ExitCode.OK;
    }

    private static String kind(ApiCatalogue c, Optional<NameApi> n) {
        if (n.isEmpty()) return "name";
        int newest = n.get().anyPresence().last();
        NameVariant v = n.get().variantAt(newest);
        return v == null ? "name" : v.kind().label();
    }

    private static String json(ApiCatalogue c, ApiPath path, IndexRanges present, IndexRanges undecided,
                               List<Versioned<Signature>> signatures, Optional<NameApi> nameApi) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("package", c.packageName());
        o.put("module", path.module());
        path.name().ifPresent(n -> o.put("name", n));
        path.member().ifPresent(n -> o.put("member", n));
        o.put("catalogued", c.versions().get(0) + " – " + c.versions().get(c.versions().size() - 1));
        o.put("versions", present.isEmpty() ? "none" : c.toVersionSet(present).toString());
        o.set("present", stretches(m, c, present));
        if (!undecided.isEmpty()) o.set("inheritedFromOutside", stretches(m, c, undecided));
        c.firstVersionWith(path).ifPresent(v -> o.put("firstWith", v.toString()));
        c.firstVersionWithout(path).ifPresent(v -> o.put("firstWithout", v.toString()));
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
        }
        ArrayNode sigs = o.putArray("signatures");
        for (Versioned<Signature> s : signatures) {
            ObjectNode x = sigs.addObject();
            x.put("parameters", s.value().toString());
            x.set("present", stretches(m, c, s.versions()));
        }
        return m.writeValueAsString(o);
    }

    private static ArrayNode stretches(ObjectMapper m, ApiCatalogue c, IndexRanges r) {
        ArrayNode a = m.createArrayNode();
        for (PresenceText.Stretch s : PresenceText.stretches(c, r)) {
            ObjectNode x = a.addObject();
            x.put("from", s.from().toString());
            x.put("to", s.to().toString());
            if (s.removedIn() != null) x.put("removedIn", s.removedIn().toString());
        }
        return a;
    }
}
