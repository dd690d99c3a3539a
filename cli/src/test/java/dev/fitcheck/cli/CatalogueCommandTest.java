package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueCommandTest {

    @TempDir
    Path tmp;

    /** A wheel of package "demo" with the given files (METADATA written for the version). */
    private Path wheel(String version, Map<String, String> files) throws IOException {
        Path p = tmp.resolve("demo-" + version + "-py3-none-any.whl");
        try (OutputStream raw = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(raw)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("demo-" + version + ".dist-info/METADATA"));
            z.write(("Metadata-Version: 2.1\nName: demo\nVersion: " + version + "\n\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return p;
    }

    private Path catalogueOfTwoReleases() throws IOException {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("demo/__init__.py", "from .models import Model, OldAttention\n");
        one.put("demo/models.py", "class Base:\n    def run(self, x):\n        pass\nclass Model(Base):\n    pass\nclass OldAttention:\n    pass\n");
        Map<String, String> two = new LinkedHashMap<>();
        two.put("demo/__init__.py", "from .models import Model\n");
        two.put("demo/models.py", "class Base:\n    def run(self, x, *, fast=False):\n        pass\nclass Model(Base):\n    pass\n");
        Path w1 = wheel("1.0", one);
        Path w2 = wheel("2.0", two);
        Path out = tmp.resolve("demo.json.gz");
        CliRun r = CliRun.of("catalogue", "build", "demo", "--archive", w2.toString(), "--archive", w1.toString(),
                "--output", out.toString());
        assertThat(r.code()).as(r.describe()).isZero();
        assertThat(r.outLines()).first().isEqualTo("demo: 2 added, 2 versions, 1.0 – 2.0; 2 modules, 6 names");
        assertThat(r.out()).contains("written to " + out);
        return out;
    }

    @Test
    void buildsFromTheUsersArchivesAndShowsWhereANameWasRemoved() throws IOException {
        Path out = catalogueOfTwoReleases();
        CliRun show = CliRun.of("catalogue", "show", "demo", "demo.models", "OldAttention", "--catalogue", out.toString());
        assertThat(show.code()).as(show.describe()).isZero();
        assertThat(show.outLines()).containsExactly(
                "demo demo.models.OldAttention (class): 1.0 (oldest catalogued) (removed in 2.0)",
                "  as versions: >=1.0,<2.0",
                "  class: 1.0 (oldest catalogued) (removed in 2.0)");
    }

    @Test
    void showsAMemberInheritedFromABaseWithItsSignatures() throws IOException {
        Path out = catalogueOfTwoReleases();
        CliRun show = CliRun.of("catalogue", "show", "demo", "demo", "Model.run", "--catalogue", out.toString());
        assertThat(show.outLines()).containsExactly(
                "demo demo.Model.run (member): 1.0 (oldest catalogued) – 2.0 (newest catalogued)",
                "  as versions: >=1.0",
                "  (self, x): 1.0 (oldest catalogued) (changed in 2.0)",
                "  (self, x, *, fast=): 2.0 (newest catalogued)");
    }

    @Test
    void showPrintsJsonForScripts() throws IOException {
        Path out = catalogueOfTwoReleases();
        CliRun show = CliRun.of("catalogue", "show", "demo", "demo", "OldAttention", "--catalogue", out.toString(), "--json");
        assertThat(show.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(show.out());
        assertThat(j.get("versions").asText()).isEqualTo(">=1.0,<2.0");
        assertThat(j.get("firstWithout").asText()).isEqualTo("2.0");
        assertThat(j.get("bindings").get(0).get("target").asText()).isEqualTo("demo.models:OldAttention");
    }

    @Test
    void aCorruptArchiveOfTheUsersIsExit2AndNothingIsWritten() throws IOException {
        Path bad = tmp.resolve("demo-1.0-py3-none-any.whl");
        Files.writeString(bad, "not a zip");
        Path out = tmp.resolve("demo.json.gz");
        CliRun r = CliRun.of("catalogue", "build", "demo", "--archive", bad.toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("fitcheck: " + bad + ": not a readable zip archive");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void anArchiveThatEscapesItsRootIsExit2() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("demo/__init__.py", "X = 1\n");
        files.put("../../outside.py", "Y = 2\n");
        Path evil = wheel("1.0", files);
        Path out = tmp.resolve("demo.json.gz");
        CliRun r = CliRun.of("catalogue", "build", "demo", "--archive", evil.toString(), "--output", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fitcheck: " + evil + ": entry '../../outside.py' climbs out of the archive with '..'; refusing it\n");
        assertThat(out).doesNotExist();
        assertThat(tmp.getParent().resolve("outside.py")).doesNotExist();
    }

    @Test
    void aSpecifierThatIsNotPep440IsExit2() {
        CliRun r = CliRun.of("catalogue", "build", "demo", "--versions", ">=>1", "--output", tmp.resolve("x.json.gz").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("fitcheck: --versions \">=>1\" is not a PEP 440 specifier");
    }

    @Test
    void showingAPackageWithoutCatalogueSaysHowToBuildOne() {
        CliRun r = CliRun.of("catalogue", "show", "no-such-package-xyz", "x");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("no API catalogue of no-such-package-xyz")
                .contains("fitcheck catalogue build no-such-package-xyz");
    }

    @Test
    void thePrebuiltTransformersCatalogueAnswersOffline() {
        CliRun r = CliRun.of("catalogue", "show", "transformers", "transformers.models.mistral.modeling_mistral",
                "MistralFlashAttention2", "--catalogue", CliRun.REPO.resolve("rules/catalogues/transformers.json.gz").toString());
        assertThat(r.outLines().get(0)).isEqualTo(
                "transformers transformers.models.mistral.modeling_mistral.MistralFlashAttention2 (class): 4.34.0 – 4.47.1 (removed in 4.48.0)");
    }
}
