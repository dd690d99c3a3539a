package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.java.ApiChange;
import dev.fitcheck.java.ApiComparison;
import dev.fitcheck.java.JarApi;
import dev.fitcheck.java.JarApiReader;
import dev.fitcheck.java.JarCoordinates;
import dev.fitcheck.java.JavaCatalogue;
import dev.fitcheck.java.JavaCatalogueBuilder;
import dev.fitcheck.java.MavenVersionOrder;
import dev.fitcheck.java.ReleaseSelection;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.JarsRequest;
import dev.fitcheck.maven.JarsResult;
import dev.fitcheck.maven.MavenResolutionSession;
import dev.fitcheck.maven.MavenSettingsReader;
import dev.fitcheck.maven.VersionsRequest;
import dev.fitcheck.maven.VersionsResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck api-diff}: the catalogue of several releases of one Java artifact (jar files, or
 * releases fetched from the repositories) and what each release broke and added relative to the
 * one before it: japicmp's question, answered for every release in between at once.
 */
@Command(name = "api-diff", mixinStandardHelpOptions = true,
        description = "Catalogue releases of a Java artifact and list what each release removed, changed and added.")
final class ApiDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JAR|G:A:V", arity = "0..*", description = "Jar files or releases (groupId:artifactId:version).")
    List<String> releases = new ArrayList<>();

    @Option(names = "--artifact", paramLabel = "G:A", description = "An artifact whose releases (--versions) to compare.")
    String artifact;

    @Option(names = "--versions", paramLabel = "SPEC", defaultValue = "all",
            description = "With --artifact: a Maven range such as [32.1.3-jre,33.5.0-jre], or all (default).")
    String versions;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "Maven settings to use instead of ~/.m2/settings.xml, as mvn -s.")
    Path settings;

    @Option(names = "--all", description = "List additions too, not only breaking changes.")
    boolean all;

    @Option(names = "--json", description = "Print the comparisons as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the catalogue (the API catalogue format every ecosystem shares, gzip JSON).")
    Path outFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Path> jars = jars(err);
        if (jars.size() < 2) {
            throw new InputError("api-diff: expected at least two releases (jar files or groupId:artifactId:version), got "
                    + jars.size());
        }
        String name = artifact != null ? artifact : JarCoordinates.of(jars.values().iterator().next()).artifact().orElse("jar");
        JarApiReader reader = new JarApiReader();
        List<Map.Entry<String, Path>> entries = new ArrayList<>(jars.entrySet());
        JavaCatalogueBuilder builder = new JavaCatalogueBuilder(name);
        // as many jars in flight as there are cores: the builder keeps bit sets, not every release's API
        int batch = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int from = 0; from < entries.size(); from += batch) {
            List<Map.Entry<String, Path>> chunk = entries.subList(from, Math.min(entries.size(), from + batch));
            List<JarApi> apis = chunk.parallelStream().map(e -> reader.read(e.getValue())).toList();
            for (int i = 0; i < chunk.size(); i++) {
                builder.add(chunk.get(i).getKey(), apis.get(i));
            }
        }
        JavaCatalogue catalogue = new JavaCatalogue(builder.build());
        List<ApiComparison> steps = new ArrayList<>();
        for (int i = 1; i < catalogue.versions().size(); i++) {
            steps.add(ApiComparison.compare(catalogue, i - 1, i));
        }
        if (json) {
            out.print(json(steps));
        } else {
            for (ApiComparison c : steps) {
                long breaking = c.breaking().size();
                out.println(c.artifact() + " " + c.fromVersion() + " -> " + c.toVersion() + ": " + breaking + " breaking change"
                        + (breaking == 1 ? "" : "s") + ", " + (c.changes().size() - breaking) + " addition"
                        + (c.changes().size() - breaking == 1 ? "" : "s"));
                for (ApiChange ch : c.changes()) {
                    if (ch.breaking() || all) {
                        out.println("  " + (ch.breaking() ? "- " : "+ ") + ch.kind() + " " + ch.symbol().display()
                                + (ch.detail().isEmpty() ? "" : " (" + ch.detail() + ")"));
                    }
                }
            }
        }
        if (outFile != null) {
            CatalogueStore.write(catalogue.api(), outFile);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Release version to jar file, from files or from the repositories. */
    private Map<String, Path> jars(PrintWriter err) {
        Map<String, Path> out = new LinkedHashMap<>();
        List<ArtifactCoordinate> remote = new ArrayList<>();
        for (String r : releases) {
            Path p = Path.of(r);
            if (Files.isRegularFile(p)) {
                String v = JarCoordinates.of(p).version();
                if (out.put(v, p) != null) {
                    throw new InputError(r + ": expected releases of different versions; " + v + " is given twice");
                }
            } else if (r.endsWith(".jar")) {
                throw new InputError(r + ": no such jar file");
            } else {
                remote.add(ArtifactCoordinate.parse(r, "api-diff"));
            }
        }
        if (artifact == null && remote.isEmpty()) {
            return out;
        }
        try (MavenResolutionSession maven = MavenResolutionSession.open(MavenSettingsReader.read(java.util.Optional.ofNullable(settings)),
                msg -> err.println("fitcheck: " + msg))) {
            if (artifact != null) {
                VersionsResult listed = maven.listVersions(new VersionsRequest(List.of(artifact), List.of()));
                listed.errors().forEach(e -> err.println("fitcheck: " + e.sentence()));
                List<String> released = listed.versions().getOrDefault(artifact, List.of());
                ReleaseSelection selection = ReleaseSelection.parse(versions);
                String[] ga = artifact.split(":");
                if (ga.length != 2) throw new InputError("--artifact: expected groupId:artifactId, got '" + artifact + "'");
                // the newest release in the range sets the flavour (-jre rather than -android)
                List<String> inRange = selection.select(released, released.isEmpty() ? "0" : released.get(released.size() - 1))
                        .stream().filter(v -> selection.spec().equals("all") || MavenVersionOrder.range(selection.spec(),
                                "--versions").test(v)).filter(released::contains).toList();
                List<String> finals = inRange.stream().filter(v -> !MavenVersionOrder.isPreRelease(v)).toList();
                if (finals.isEmpty()) {
                    throw new InputError("--versions " + versions + ": no release of " + artifact + " in that range");
                }
                for (String v : selection.select(finals, finals.get(finals.size() - 1))) {
                    remote.add(new ArtifactCoordinate(ga[0], ga[1], v));
                }
            }
            JarsResult fetched = maven.fetchJars(new JarsRequest(remote, List.of()));
            if (!fetched.errors().isEmpty()) {
                throw new InputError("api-diff: " + fetched.errors().get(0).sentence());
            }
            remote.forEach(c -> out.put(c.version(), fetched.jars().get(c)));
            if (artifact == null) artifact = remote.get(0).id();
        }
        return out;
    }

    private static String json(List<ApiComparison> steps) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = m.createObjectNode();
        doc.put("format", "fitcheck-api-diff/1");
        ArrayNode cs = doc.putArray("comparisons");
        for (ApiComparison c : steps) {
            ObjectNode cn = cs.addObject();
            cn.put("artifact", c.artifact()).put("from", c.fromVersion()).put("to", c.toVersion());
            ArrayNode changes = cn.putArray("changes");
            for (ApiChange ch : c.changes()) {
                changes.addObject().put("kind", ch.kind().name()).put("breaking", ch.breaking())
                        .put("symbol", ch.symbol().display()).put("owner", ch.symbol().owner())
                        .put("name", ch.symbol().name()).put("descriptor", ch.symbol().descriptor())
                        .put("detail", ch.detail());
            }
        }
        try {
            return m.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
