package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.java.JarApiReader;
import dev.fitcheck.java.JarCoordinates;
import dev.fitcheck.java.JavaCatalogueBuilder;
import dev.fitcheck.java.MavenVersionOrder;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.JarsRequest;
import dev.fitcheck.maven.JarsResult;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettings;
import dev.fitcheck.maven.ResolutionError;
import dev.fitcheck.maven.VersionsRequest;
import dev.fitcheck.maven.VersionsResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code fitcheck catalogue build maven:GROUP:ARTIFACT --versions RANGE}: lists the artifact's
 * releases through Maven Resolver (settings, mirrors and local repository as mvn has them), fetches
 * the jars the catalogue lacks, reads them with ASM and extends the catalogue in the shared store
 * ({@code maven/GROUP/ARTIFACT.json.gz}). {@code --archive} catalogues the user's own jars instead.
 */
final class MavenCatalogueBuild {

    /**
     * @param versions a Maven range ({@code [20.0,22.0)}) or blank for every release
     * @param pre      keep pre-releases (alpha, beta, milestones, release candidates)
     */
    record Options(String versions, boolean pre, List<Path> jars, Path target, boolean json, MavenSettings settings) {
    }

    private MavenCatalogueBuild() {
    }

    static int run(CataloguePackage pkg, Options options, PrintWriter out, PrintWriter err) {
        String id = pkg.name();
        Path target = options.target();
        Optional<ApiCatalogue> base = Files.isRegularFile(target) ? Optional.of(CatalogueStore.read(target)) : Optional.empty();
        base.ifPresent(b -> {
            if (!b.packageName().equals(id) || b.axis().ecosystem() != Ecosystem.MAVEN) {
                throw new InputError(target, 0, "is the catalogue of " + b.ecosystem() + " package " + b.packageName()
                        + ", not of " + pkg.display());
            }
        });
        JavaCatalogueBuilder builder = base.map(JavaCatalogueBuilder::from).orElseGet(() -> new JavaCatalogueBuilder(id));
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int already = 0;
        if (!options.jars().isEmpty()) {
            for (Path jar : options.jars()) {
                if (!Files.isRegularFile(jar)) throw new InputError(jar, 0, "no such jar file");
                JarCoordinates c = JarCoordinates.of(jar);
                if (c.artifact().isPresent() && !c.artifact().get().equals(id)) {
                    throw new InputError(jar, 0, "is " + c.artifact().get() + ":" + c.version() + ", not a release of " + id);
                }
                jars.put(c.version(), jar);
            }
        } else {
            List<String> selected = selectAndFetch(id, options, builder, jars, problems, err);
            already = (int) selected.stream().filter(builder::has).count();
        }
        JarApiReader reader = new JarApiReader();
        List<String> added = new ArrayList<>();
        try (Progress bar = Progress.start(err, "catalogue " + pkg.display(), jars.size())) {
            int done = 0;
            for (Map.Entry<String, Path> e : jars.entrySet()) {
                builder.add(e.getKey(), reader.read(e.getValue()));
                added.add(e.getKey());
                bar.stepTo(++done, e.getKey());
            }
        }
        ApiCatalogue c = builder.build();
        boolean wrote = !added.isEmpty();
        if (wrote) CatalogueStore.write(c, target);
        summary(out, err, pkg, target, c, added, already, problems, wrote, options.json());
        return added.isEmpty() && !problems.isEmpty() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /**
     * The releases {@code --versions} selects: in the range, no snapshots, no pre-releases unless
     * asked, and one flavour (the newest selected release's: {@code -jre}, not {@code -android});
     * the jars of those the catalogue lacks go into {@code jars}, in Maven's order.
     */
    private static List<String> selectAndFetch(String id, Options options, JavaCatalogueBuilder builder, Map<String, Path> jars,
            List<String> problems, PrintWriter err) {
        Predicate<String> inRange = options.versions().isBlank() ? v -> true
                : MavenVersionOrder.range(options.versions(), "--versions");
        String[] ga = id.split(":");
        try (MavenResolutionSession maven = MavenResolutionSession.open(options.settings(), msg -> err.println("fitcheck: " + msg))) {
            VersionsResult listed = maven.listVersions(new VersionsRequest(List.of(id), List.of()));
            if (!listed.errors().isEmpty()) throw new InputError(listed.errors().get(0).sentence());
            List<String> released = listed.versions().getOrDefault(id, List.of());
            List<String> candidates = released.stream().filter(inRange)
                    .filter(v -> !v.endsWith("-SNAPSHOT") && (options.pre() || !MavenVersionOrder.isPreRelease(v))).toList();
            if (candidates.isEmpty()) {
                throw new InputError("no release of " + id + " matches " + (options.versions().isBlank() ? "" : "--versions "
                        + options.versions() + " ") + "(the repositories list " + released.size() + " releases)");
            }
            String flavour = MavenVersionOrder.flavour(candidates.get(candidates.size() - 1));
            List<String> selected = candidates.stream().filter(v -> {
                String f = MavenVersionOrder.flavour(v);
                return f.isEmpty() || f.equals(flavour);
            }).toList();
            List<ArtifactCoordinate> missing = new ArrayList<>();
            for (String v : selected) {
                if (!builder.has(v)) missing.add(new ArtifactCoordinate(ga[0], ga[1], v));
            }
            if (missing.isEmpty()) return selected;
            JarsResult fetched = maven.fetchJars(new JarsRequest(missing, List.of()));
            fetched.errors().stream().map(ResolutionError::sentence).forEach(problems::add);
            for (ArtifactCoordinate c : missing) {
                Path jar = fetched.jars().get(c);
                if (jar != null) jars.put(c.version(), jar);
            }
            return selected;
        }
    }

    private static void summary(PrintWriter out, PrintWriter err, CataloguePackage pkg, Path target, ApiCatalogue c,
            List<String> added, int already, List<String> problems, boolean wrote, boolean json) {
        int classes = c.modules().values().stream().mapToInt(m -> m.names().size()).sum();
        List<String> v = c.versionLabels();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = m.createObjectNode();
            o.put("package", pkg.name());
            o.put("ecosystem", pkg.ecosystem().id());
            o.put("catalogue", target.toString());
            o.put("written", wrote);
            ArrayNode a = o.putArray("added");
            added.forEach(a::add);
            o.put("alreadyCatalogued", already);
            o.put("versions", v.size());
            o.put("packages", c.modules().size());
            o.put("classes", classes);
            ArrayNode p = o.putArray("problems");
            problems.forEach(p::add);
            try {
                out.println(m.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        problems.forEach(p -> err.println("not catalogued: " + p));
        String span = v.isEmpty() ? "no versions" : v.size() + " versions, " + v.get(0) + " – " + v.get(v.size() - 1);
        out.printf("%s: %d added%s, %s; %d packages, %d classes%n", pkg.display(), added.size(),
                already == 0 ? "" : " (" + already + " selected already catalogued)", span, c.modules().size(), classes);
        out.println(wrote ? "written to " + target : "nothing new: " + target + " left as it was");
    }
}
