package dev.fitcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueBuildRequest;
import dev.fitcheck.catalogue.CatalogueBuildResult;
import dev.fitcheck.catalogue.CatalogueBuilder;
import dev.fitcheck.catalogue.CatalogueStore;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.catalogue.ReleaseInput;
import dev.fitcheck.catalogue.ReleaseProblem;
import dev.fitcheck.distribution.ArchiveException;
import dev.fitcheck.distribution.ArchiveLimits;
import dev.fitcheck.distribution.DistributionArchive;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.fetch.FetchError;
import dev.fitcheck.fetch.FetchRequest;
import dev.fitcheck.fetch.FetchResult;
import dev.fitcheck.fetch.FetchedRelease;
import dev.fitcheck.fetch.PipReleaseFetcher;
import dev.fitcheck.fetch.ReleaseList;
import dev.fitcheck.maven.MavenSettingsReader;
import dev.fitcheck.version.InvalidSpecifierException;
import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck catalogue build P --versions SPEC}: lists P's releases through pip, downloads the
 * ones the catalogue lacks into the cache and catalogues them (statically, nothing installed or
 * run), extending the existing catalogue. {@code --archive} catalogues the user's own files instead.
 * {@code maven:GROUP:ARTIFACT} does the same for a Maven artifact's jars ({@link MavenCatalogueBuild}).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build or extend the API catalogue of a Python package from its released wheels or sdists, "
                + "or of a Maven artifact (maven:GROUP:ARTIFACT) from its jars.")
final class CatalogueBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE",
            description = "The distribution, e.g. transformers, or a Maven artifact, e.g. maven:com.google.guava:guava.")
    String packageName;

    @Option(names = "--versions", paramLabel = "SPEC", defaultValue = "",
            description = "Which releases, as a PEP 440 specifier (e.g. \">=4.30\") or for Maven a version range "
                    + "(e.g. \"[20.0,22.0]\"); default: every final release.")
    String versions;

    @Option(names = "--pre", description = "Take pre-releases too.")
    boolean pre;

    @Option(names = "--archive", paramLabel = "FILE",
            description = "Catalogue these files (wheel, .tar.gz or .zip sdist, or an installed directory; jars for Maven) "
                    + "instead of downloading.")
    List<Path> archives = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the catalogue (extended when it exists); default: the user catalogue in the cache.")
    Path output;

    @Option(names = "--catalogue-dir", paramLabel = "DIR",
            description = "The catalogue store to extend (default: ~/.cache/fitcheck/catalogues; "
                    + "pypi/NAME.json.gz, maven/GROUP/ARTIFACT.json.gz).")
    Path catalogueDir;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "Maven: settings to use instead of ~/.m2/settings.xml (mirrors, local repository), as mvn -s.")
    Path settings;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    /** Selected releases the catalogue already had, so not downloaded again. */
    private int alreadyCatalogued;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CataloguePackage pkg = CataloguePackage.parse(packageName);
        if (pkg.ecosystem() == Ecosystem.MAVEN) {
            if (threads != null) throw new InputError("--threads: a Maven catalogue reads one jar at a time");
            return MavenCatalogueBuild.run(pkg, new MavenCatalogueBuild.Options(versions, pre, archives,
                    output != null ? output : CatalogueFiles.userBuilt(pkg, catalogueDir), json,
                    MavenSettingsReader.read(Optional.ofNullable(settings))), out, err);
        }
        String name = pkg.name();
        Path target = output != null ? output : CatalogueFiles.userBuilt(pkg, catalogueDir);
        Optional<ApiCatalogue> base = Files.isRegularFile(target) ? Optional.of(CatalogueStore.read(target))
                : output == null ? CatalogueFiles.find(pkg, null, catalogueDir).map(CatalogueStore::read) : Optional.empty();
        base.ifPresent(b -> {
            if (!b.packageName().equals(name)) {
                throw new InputError(target, 0, "is the catalogue of " + b.packageName() + ", not " + name);
            }
        });

        List<ReleaseInput> releases = new ArrayList<>();
        List<String> fetchProblems = new ArrayList<>();
        boolean own = !archives.isEmpty();
        if (own) {
            for (Path a : archives) releases.add(new ReleaseInput(versionOf(a, name), a));
        } else {
            releases.addAll(download(name, base, fetchProblems, err));
        }

        CatalogueBuildRequest request = CatalogueBuildRequest.of(name, releases);
        if (threads != null) {
            if (threads < 1) throw new InputError("--threads must be at least 1, got " + threads);
            request = request.withThreads(threads);
        }
        if (base.isPresent()) request = request.extending(base.get());
        CatalogueBuildResult result;
        try (Progress bar = Progress.start(err, "catalogue " + name, releases.size())) {
            result = new CatalogueBuilder().build(request.withListener((v, done, total) -> bar.stepTo(done, v.toString())));
        }
        if (own && !result.problems().isEmpty()) {
            // the user's own archive: their input error, nothing written
            ReleaseProblem p = result.problems().get(0);
            throw new InputError(p.archive(), 0, Output.relativeSentence(Workspaces.home(), stripArchive(p)));
        }
        boolean wrote = !result.added().isEmpty() || (base.isEmpty() && !result.catalogue().versionLabels().isEmpty());
        if (wrote) CatalogueStore.write(result.catalogue(), target);
        summary(out, err, name, target, result, fetchProblems, wrote);
        if (result.added().isEmpty() && !(result.problems().isEmpty() && fetchProblems.isEmpty())) {
            return ExitCode.CHECK_FAILED; // nothing could be catalogued
        }
        return ExitCode.OK;
    }

    /** Lists, selects and downloads the releases the base catalogue lacks. */
    private List<ReleaseInput> download(String name, Optional<ApiCatalogue> base, List<String> problems, PrintWriter err) {
        SpecifierSet wanted;
        try {
            wanted = versions.isBlank() ? SpecifierSet.any() : SpecifierSet.parse(versions);
        } catch (InvalidSpecifierException e) {
            throw new InputError("--versions \"" + versions + "\" is not a PEP 440 specifier: " + e.getMessage());
        }
        PipReleaseFetcher fetcher = PipReleaseFetcher.standard();
        ReleaseList listed = fetcher.list(name);
        if (listed.error().isPresent()) {
            throw new InputError(listed.error().get());
        }
        List<Version> selected = new ArrayList<>();
        for (Version v : listed.versions()) {
            if ((pre || !v.isPrerelease()) && wanted.contains(v, true)) selected.add(v);
        }
        if (selected.isEmpty()) {
            throw new InputError("no release of " + name + " matches \"" + versions + "\" (the index lists "
                    + listed.versions().size() + " releases)");
        }
        List<Version> missing = selected.stream().filter(v -> base.map(b -> b.indexOf(v) < 0).orElse(true)).toList();
        alreadyCatalogued = selected.size() - missing.size();
        List<ReleaseInput> out = new ArrayList<>();
        if (missing.isEmpty()) return out;
        FetchResult fetched;
        try (Progress bar = Progress.start(err, "download " + name, missing.size())) {
            fetched = fetcher.fetch(FetchRequest.of(name, missing).withListener((v, done, total) -> bar.stepTo(done, v.toString())));
        }
        for (FetchedRelease f : fetched.fetched()) out.add(new ReleaseInput(f.version(), f.file()));
        for (FetchError e : fetched.errors()) problems.add(e.sentence());
        return out;
    }

    /** The version a user's archive holds, from its metadata (or, for a bare tree, its file name). */
    private static Version versionOf(Path archive, String name) {
        try (DistributionArchive a = DistributionArchive.open(archive, name, ArchiveLimits.DEFAULT)) {
            String v = a.metadata().map(m -> m.version()).orElseThrow(() -> new InputError(archive, 0,
                    "has no METADATA or PKG-INFO saying its version; pass a wheel, an sdist or an installed directory"));
            return Version.tryParse(v).orElseThrow(() -> new InputError(archive, 0,
                    "its metadata version '" + v + "' is not a PEP 440 version"));
        } catch (ArchiveException e) {
            throw new InputError(archive, 0, stripArchive(e.getMessage(), archive));
        }
    }

    private static String stripArchive(ReleaseProblem p) {
        return stripArchive(p.sentence(), p.archive());
    }

    /** The sentence without its leading "archive: " (InputError puts the file in front itself). */
    private static String stripArchive(String sentence, Path archive) {
        String prefix = archive + ": ";
        return sentence.startsWith(prefix) ? sentence.substring(prefix.length()) : sentence;
    }

    private void summary(PrintWriter out, PrintWriter err, String name, Path target, CatalogueBuildResult r,
                         List<String> fetchProblems, boolean wrote) throws Exception {
        ApiCatalogue c = r.catalogue();
        int names = c.modules().values().stream().mapToInt(m -> m.names().size()).sum();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = m.createObjectNode();
            o.put("package", name);
            o.put("catalogue", target.toString());
            o.put("written", wrote);
            ArrayNode added = o.putArray("added");
            r.added().forEach(v -> added.add(v.toString()));
            ArrayNode had = o.putArray("givenButAlreadyCatalogued");
            r.alreadyPresent().forEach(v -> had.add(v.toString()));
            o.put("alreadyCatalogued", alreadyCatalogued + r.alreadyPresent().size());
            o.put("versions", c.versionLabels().size());
            o.put("modules", c.modules().size());
            o.put("names", names);
            o.put("filesParsed", r.filesParsed());
            o.put("filesReused", r.filesReused());
            o.put("seconds", r.elapsed().toMillis() / 1000.0);
            ObjectNode phases = o.putObject("phaseSeconds");
            phases.put("readAndParse", r.phases().readAndParse().toMillis() / 1000.0);
            phases.put("resolve", r.phases().resolve().toMillis() / 1000.0);
            phases.put("fold", r.phases().fold().toMillis() / 1000.0);
            phases.put("assemble", r.phases().assemble().toMillis() / 1000.0);
            o.put("bytesToTreeSitter", r.bytesToTreeSitter());
            ArrayNode problems = o.putArray("problems");
            fetchProblems.forEach(problems::add);
            r.problems().forEach(p -> problems.add(p.sentence()));
            ArrayNode warnings = o.putArray("warnings");
            r.warnings().forEach(warnings::add);
            out.println(m.writeValueAsString(o));
            return;
        }
        for (String w : r.warnings()) err.println("warning: " + w);
        for (String p : fetchProblems) err.println("not catalogued: " + p);
        for (ReleaseProblem p : r.problems()) err.println("not catalogued: " + p.sentence());
        List<String> v = c.versionLabels();
        String span = v.isEmpty() ? "no versions" : v.size() + " versions, " + v.get(0) + " – " + v.get(v.size() - 1);
        int had = alreadyCatalogued + r.alreadyPresent().size();
        out.printf("%s: %d added%s, %s; %d modules, %d names%n", name, r.added().size(),
                had == 0 ? "" : " (" + had + " selected already catalogued)", span,
                c.modules().size(), names);
        out.printf("parsed %d files, reused %d unchanged ones, in %.1f s%n", r.filesParsed(), r.filesReused(),
                r.elapsed().toMillis() / 1000.0);
        out.println(wrote ? "written to " + target : "nothing new: " + target + " left as it was");
    }
}
