package dev.fitcheck.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.distribution.ArchiveLimits;
import dev.fitcheck.distribution.DistributionArchive;
import dev.fitcheck.distribution.SourceFile;
import dev.fitcheck.fetch.FetchRequest;
import dev.fitcheck.fetch.FetchResult;
import dev.fitcheck.fetch.PipReleaseFetcher;
import dev.fitcheck.python.ChunkCache;
import dev.fitcheck.python.ModuleParser;
import dev.fitcheck.python.ModuleSummary;
import dev.fitcheck.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fitcheck's tree-sitter summaries against CPython's own parser, module by module, over every
 * module of real wheels (downloaded once into ~/.cache/fitcheck through the fetch code) and over a
 * package of tricky syntax written for this test. The oracle (module_oracle.py) applies the rules
 * ModuleParser documents with {@code ast}. Compared per module: bound names with kind and
 * type-only flag, where imports come from, lines, function and method parameters (with the
 * keywords a {@code deprecate_kwarg} decorator renames to a parameter), star imports,
 * classes with bases, members, {@code __all__}, {@code _import_structure} (and {@code _SUBMOD_ATTRS},
 * {@code submod_attrs=}), {@code define_import_structure} and a module-level {@code __getattr__}.
 *
 * <p>Accepted differences, each with its reason:
 * <ol>
 *   <li>a file CPython refuses (a syntax error, undeclared bytes that are not UTF-8): the oracle
 *       has nothing for it, while fitcheck keeps what it can read and says why in a warning. The
 *       test checks that there is such a warning. No other difference is accepted.
 * </ol>
 */
class AstDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void transformers4442() throws Exception {
        assertAgrees(fetch("transformers", "4.44.2"), 1500);
    }

    @Test
    void transformers4576() throws Exception {
        assertAgrees(fetch("transformers", "4.57.6"), 2000);
    }

    @Test
    void newestTransformers5() throws Exception {
        PipReleaseFetcher fetcher = PipReleaseFetcher.standard();
        List<Version> versions = fetcher.list("transformers").versions();
        Version newest = versions.stream().filter(v -> !v.isPrerelease() && v.release().get(0).intValue() == 5)
                .reduce((a, b) -> b).orElseThrow();
        assertAgrees(fetch("transformers", newest.toString()), 2500);
    }

    @Test
    void accelerate0330() throws Exception {
        assertAgrees(fetch("accelerate", "0.33.0"), 60);
    }

    @Test
    void huggingfaceHub0151() throws Exception {
        // the vendored lazy_loader: _SUBMOD_ATTRS and __getattr__, __dir__, __all__ = _attach(...)
        assertAgrees(fetch("huggingface_hub", "0.15.1"), 50);
    }

    @Test
    void huggingfaceHub230() throws Exception {
        // huggingface_hub.utils lazy too, one _SUBMOD_ATTRS key absolute ("huggingface_hub.errors")
        assertAgrees(fetch("huggingface_hub", "2.3.0"), 170);
    }

    @Test
    void trickySyntax() throws Exception {
        Path wheel = trickyWheel();
        Result r = compare(wheel);
        assertThat(r.refusedByCpython()).containsExactlyInAnyOrder("trickypkg.broken", "trickypkg.latin1_undeclared");
        assertThat(r.differences()).isEmpty();
        assertThat(r.compared()).isEqualTo(8);
    }

    private static Path fetch(String pkg, String version) {
        FetchResult r = PipReleaseFetcher.standard().fetch(FetchRequest.of(pkg, List.of(Version.parse(version))));
        assertThat(r.errors()).isEmpty();
        return r.fetched().get(0).file();
    }

    private void assertAgrees(Path wheel, int atLeastModules) throws Exception {
        Result r = compare(wheel);
        assertThat(r.refusedByCpython()).isEmpty();
        assertThat(r.differences()).isEmpty();
        assertThat(r.compared()).isGreaterThanOrEqualTo(atLeastModules);
    }

    record Result(int compared, List<String> differences, List<String> refusedByCpython) {
    }

    private Result compare(Path wheel) throws Exception {
        JsonNode oracle = runOracle(wheel);
        List<String> differences = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int compared = 0;
        ChunkCache cache = new ChunkCache(4);
        try (DistributionArchive archive = DistributionArchive.open(wheel, null, ArchiveLimits.DEFAULT);
             ModuleParser parser = new ModuleParser(cache)) {
            for (SourceFile f : archive.sources()) {
                ModuleSummary s = parser.parse(f.module(), f.path(), f.isPackage(), archive.read(f));
                JsonNode error = oracle.path("__errors__").get(f.module());
                if (error != null) {
                    // accepted difference 1: CPython refuses the file; fitcheck must have said why
                    assertThat(s.warnings()).as(f.module() + " (CPython: " + error.asText() + ")").isNotEmpty();
                    refused.add(f.module());
                    continue;
                }
                JsonNode expected = oracle.get(f.module());
                assertThat(expected).as("oracle summary of " + f.module()).isNotNull();
                Map<String, Set<String>> mine = SummaryFacts.of(s);
                Map<String, Set<String>> theirs = SummaryFacts.of(expected);
                for (String category : SummaryFacts.CATEGORIES) {
                    Set<String> onlyMine = new TreeSet<>(mine.get(category));
                    onlyMine.removeAll(theirs.get(category));
                    Set<String> onlyTheirs = new TreeSet<>(theirs.get(category));
                    onlyTheirs.removeAll(mine.get(category));
                    if (!onlyMine.isEmpty() || !onlyTheirs.isEmpty()) {
                        differences.add(f.module() + " [" + category + "] fitcheck only: " + onlyMine + "; ast only: " + onlyTheirs);
                    }
                }
                compared++;
            }
            assertThat(parser.skeletonFallbacks()).as("sources that parsed only without body elision").isZero();
        }
        return new Result(compared, differences, refused);
    }

    private JsonNode runOracle(Path wheel) throws Exception {
        Path script = tmp.resolve("module_oracle.py");
        try (InputStream in = getClass().getResourceAsStream("module_oracle.py")) {
            Files.copy(in, script);
        }
        String python = System.getenv().getOrDefault("FITCHECK_PYTHON", "python3");
        Process p = new ProcessBuilder(python, script.toString(), wheel.toString()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("oracle finished").isTrue();
        assertThat(p.exitValue()).as(new String(err.join(), StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(out.join());
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The files under resources/.../tricky as a wheel (bytes exactly as stored, CRLF and latin-1 included). */
    private Path trickyWheel() throws Exception {
        Path root = Path.of(getClass().getResource("tricky").toURI());
        Path wheel = tmp.resolve("trickypkg-1.0-py3-none-any.whl");
        try (OutputStream raw = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(raw);
             Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("trickypkg-1.0.dist-info/METADATA"));
            zip.write("Metadata-Version: 2.1\nName: trickypkg\nVersion: 1.0\n\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return wheel;
    }
}
