package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.version.Version;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsFileReaderTest {

    private static final Path DIR = Path.of("src/test/resources/manifests/requirements");
    private static final String D = "src/test/resources/manifests/requirements/";
    private static final ManifestResult VIDI = ManifestReader.read(DIR.resolve("requirements.txt"));

    private static Requirement req(String name) {
        return VIDI.requirement(name).orElseThrow(() -> new AssertionError("no requirement " + name));
    }

    private static String sentence(Runnable reading) {
        try {
            reading.run();
        } catch (InputError e) {
            return e.sentence();
        }
        throw new AssertionError("expected an InputError");
    }

    @Test
    void pinsKeepTheirFileAndLine() {
        assertThat(req("transformers").specifier()).hasToString("==4.44.2");
        assertThat(req("transformers").location().display()).isEqualTo(D + "requirements.txt:10");
        assertThat(req("accelerate").location().display()).isEqualTo(D + "requirements.txt:11");
        assertThat(req("transformers").specifier().contains(Version.parse("4.44.2"))).isTrue();
    }

    @Test
    void namesAreNormalisedAndKeptAsWritten() {
        Requirement flash = req("flash-attn");
        assertThat(flash.nameAsWritten()).isEqualTo("Flash_Attn");
        assertThat(flash.name()).isEqualTo("flash-attn");
        assertThat(VIDI.requirement("FLASH.ATTN")).contains(flash);
    }

    @Test
    void commentsGoButUrlFragmentsStay() {
        assertThat(req("transformers").text()).isEqualTo("transformers==4.44.2");
        Requirement liger = req("liger-kernel");
        assertThat(liger.nameAsWritten()).isEqualTo("liger_kernel");
        assertThat(liger.reference().orElseThrow().url()).isEqualTo("git+https://github.com/example/liger-kernel.git@v0.3.1#egg=liger_kernel");
    }

    @Test
    void continuedLinesJoinAndKeepTheirFirstLine() {
        Requirement deepspeed = req("deepspeed");
        assertThat(deepspeed.location().display()).isEqualTo(D + "requirements.txt:13");
        assertThat(deepspeed.specifier()).hasToString("<0.15,>=0.14.5");
        assertThat(deepspeed.hashes()).containsExactly(
                "sha256:0000000000000000000000000000000000000000000000000000000000000001",
                "sha256:0000000000000000000000000000000000000000000000000000000000000002");
    }

    @Test
    void extrasAndParenthesisedSpecifiers() {
        assertThat(req("timm").extras()).containsExactly("onnx");
        assertThat(req("timm").specifier()).hasToString("==0.6.13");
        assertThat(req("timm")).hasToString("timm[onnx]==0.6.13");
    }

    @Test
    void includesAreReadInPlaceRelativeToTheFileThatNamesThem() {
        assertThat(req("einops").location().display()).isEqualTo(D + "base.txt:2");
        assertThat(req("pillow").location().display()).isEqualTo(D + "nested/common.txt:1");
        assertThat(VIDI.requirements()).extracting(Requirement::name).startsWith("einops", "pillow", "requests", "transformers");
        assertThat(VIDI.filesRead()).extracting(p -> p.toString().replace('\\', '/')).containsExactly(D + "requirements.txt",
                D + "base.txt", D + "nested/common.txt", D + "constraints.txt", D + "constraint-requirements.txt");
    }

    @Test
    void constraintFilesPinWithoutInstalling() {
        assertThat(VIDI.constraints()).extracting(Requirement::toString).containsExactly("urllib3<2");
        assertThat(VIDI.constraints().get(0).location().display()).isEqualTo(D + "constraints.txt:1");
        assertThat(VIDI.requirement("urllib3")).isEmpty();
        assertThat(req("requests").location().display()).as("-r inside a constraints file installs, as in pip")
                .isEqualTo(D + "constraint-requirements.txt:2");
    }

    @Test
    void editablePathsAndVcsUrls() {
        Requirement local = VIDI.requirements().stream().filter(r -> !r.isNamed()).findFirst().orElseThrow();
        assertThat(local.editable()).isTrue();
        assertThat(local.reference().orElseThrow().kind()).isEqualTo(DirectReference.Kind.PATH);
        assertThat(local.reference().orElseThrow().url()).isEqualTo("./vendor/local_pkg");
        assertThat(local.location().display()).isEqualTo(D + "requirements.txt:22");
        Requirement vcs = req("flash-linear");
        assertThat(vcs.editable()).isTrue();
        DirectReference ref = vcs.reference().orElseThrow();
        assertThat(ref.kind()).isEqualTo(DirectReference.Kind.VCS);
        assertThat(ref.vcs()).contains("git");
        assertThat(ref.revision()).contains("main");
        assertThat(ref.subdirectory()).contains("python");
    }

    @Test
    void indexOptionsKeepTheirLines() {
        assertThat(VIDI.indexOptions()).extracting(o -> o.kind() + " " + o.value().orElse("-") + " " + o.location().display())
                .containsExactly(
                        "INDEX_URL https://pypi.org/simple " + D + "requirements.txt:2",
                        "EXTRA_INDEX_URL https://download.pytorch.org/whl/cu121 " + D + "requirements.txt:3",
                        "FIND_LINKS ./wheels " + D + "requirements.txt:4",
                        "PRE - " + D + "requirements.txt:5");
    }

    @Test
    void markersAreParsedAndEvaluatedForTheTarget() {
        Requirement flash = req("flash-attn");
        assertThat(flash.marker().orElseThrow()).hasToString("sys_platform == \"linux\" and platform_machine == \"x86_64\"");
        assertThat(flash.appliesTo(MarkerEnvironment.linuxCpython("3.10"))).isTrue();
        Requirement sentencepiece = req("sentencepiece");
        assertThat(sentencepiece.appliesTo(MarkerEnvironment.linuxCpython("3.11"))).isTrue();
        assertThat(sentencepiece.appliesTo(MarkerEnvironment.linuxCpython("3.12"))).isFalse();
    }

    @Test
    void wheelUrlsNameAndPinTheirPackage() {
        assertThat(req("torch").specifier()).as("the wheel's file name pins it").hasToString("==2.3.1+cu121");
        assertThat(req("torch").reference().orElseThrow().kind()).isEqualTo(DirectReference.Kind.URL);
        Requirement decord = req("decord");
        assertThat(decord.specifier()).hasToString("==0.6.0");
        assertThat(decord.location().display()).isEqualTo(D + "requirements.txt:20");
    }

    @Test
    void perRequirementOptionsTravelWithTheRequirement() {
        assertThat(req("bitsandbytes").installOptions()).containsExactly("--config-settings=cuda=121");
    }

    @Test
    void environmentVariablesAreLeftAsWritten() {
        assertThat(req("private-pkg").reference().orElseThrow().url())
                .isEqualTo("https://${PRIVATE_TOKEN}@git.example.org/private-pkg.tar.gz");
    }

    @Test
    void unknownAndMisplacedOptionsAreWarningsNotFailures() {
        assertThat(VIDI.warnings()).extracting(ManifestWarning::sentence).containsExactly(
                D + "requirements.txt:26: --index-url cannot follow a requirement on its line and is ignored, as pip ignores it",
                D + "requirements.txt:27: unknown option --frobnicate is ignored");
        assertThat(req("numpy").specifier().isEmpty()).isTrue();
    }

    @Test
    void aMalformedLineNamesFileAndLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad/malformed.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "bad/malformed.txt:2: invalid requirement \"torch>=2.0 <3\": expected a comma between version "
                        + "clauses or a semicolon before a marker or the end at column 12");
    }

    @Test
    void anIncludeCycleNamesEveryStep() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("cycle/a.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "cycle/c.txt:2: include cycle: " + D + "cycle/a.txt:2 includes b.txt, " + D
                        + "cycle/b.txt:2 includes c.txt, " + D + "cycle/c.txt:2 includes ./a.txt");
    }

    @Test
    void anInvalidVersionNamesFileAndLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad/invalid-version.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "bad/invalid-version.txt:1: invalid requirement \"transformers==4.44.2.x\": the version clause "
                        + "\"==4.44.2.x\" is invalid: \"4.44.2.x\" is not a PEP 440 version: cannot read \".x\" after \"4.44.2\" at column 13");
    }

    @Test
    void anInvalidMarkerNamesFileAndLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad/invalid-marker.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "bad/invalid-marker.txt:2: invalid requirement \"sentencepiece==0.1.99; python_version ~ \"3.12\"\": "
                        + "expected a marker operator (<=, <, !=, ==, >=, >, ~=, ===, in or not in) at column 39");
    }

    @Test
    void aMissingIncludedFileNamesTheLineThatIncludesIt() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad/missing-include.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "bad/missing-include.txt:2: included file \"does-not-exist.txt\" does not exist (looked for "
                        + D + "bad/does-not-exist.txt)");
    }

    @Test
    void anOptionWithoutItsValueNamesFileAndLine() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("bad/option-without-value.txt"), ManifestKind.REQUIREMENTS)))
                .isEqualTo(D + "bad/option-without-value.txt:1: option --index-url needs a value after it");
    }

    @Test
    void aMissingManifestIsAnInputError() {
        assertThat(sentence(() -> ManifestReader.read(DIR.resolve("requirements-gone.txt"))))
                .isEqualTo(D + "requirements-gone.txt: manifest file does not exist");
        assertThatThrownBy(() -> ManifestReader.read(DIR.resolve("cycle/a.txt"))).isInstanceOf(InputError.class)
                .hasMessageStartingWith("cannot tell the manifest format from the name");
    }

    @Test
    void readsPipsJoinAndCommentRulesExactly() {
        List<RequirementsFileReader.SourceLine> lines = RequirementsFileReader.logicalLines(List.of(
                line("a==1 \\", 1), line("  --hash=sha256:x", 2), line("# note \\", 3), line("b", 4), line("c \\", 5)));
        assertThat(lines).extracting(RequirementsFileReader.SourceLine::text).containsExactly("a==1   --hash=sha256:x", " # note \\", "b", "c ");
        assertThat(lines).extracting(l -> l.location().line()).containsExactly(1, 3, 4, 5);
        assertThat(RequirementsFileReader.withoutComment("pkg @ https://x/y.whl#sha256=abc  # why")).isEqualTo("pkg @ https://x/y.whl#sha256=abc");
        assertThat(RequirementsFileReader.withoutComment("   # only a comment")).isEmpty();
    }

    private static RequirementsFileReader.SourceLine line(String text, int n) {
        return new RequirementsFileReader.SourceLine(text, dev.fitcheck.evidence.SourceLocation.of(Path.of("r.txt"), n));
    }
}
