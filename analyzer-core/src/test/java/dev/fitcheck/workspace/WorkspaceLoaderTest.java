package dev.fitcheck.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.memory.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void modelTree() throws IOException {
        Files.createDirectories(dir.resolve("m1/src"));
        Files.writeString(dir.resolve("m1/requirements.txt"), "transformers==4.44.2\n");
        Files.writeString(dir.resolve("freeze.txt"), "transformers==4.57.6\n");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("fitcheck.yaml"), yaml);
    }

    private InputError failure(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            new WorkspaceLoader().load(file);
        } catch (InputError e) {
            return e;
        }
        throw new AssertionError("expected an InputError for:\n" + yaml);
    }

    @Test
    void readsEverySection() throws IOException {
        write("""
                name: box
                python: "3.11"
                machine:
                  gpu: {model: NVIDIA GeForce RTX 4090, memory: 24 GiB}
                services:
                  - name: tts
                    description: speech
                    match: "cosy(voice)?"
                    memory: 3.8 GB
                    stop: [docker, stop, tts]
                    start: [docker, start, tts]
                today:
                  freeze: freeze.txt
                  runs: [m1]
                models:
                  - name: m1
                    path: m1
                    manifests: [requirements.txt]
                    sources: [src]
                    card: {title: M One, base_model: Mistral 7B, parameters: 7B, status: legacy,
                           features: {video QA: true, auto highlights: false}}
                    test: {imports: [a.b], command: [python, run.py], gpu: true, timeout: 90s}
                    environment: {pins: {transformers: 4.44.2}, inherit: [torch], skip_without_cuda: [flash-attn]}
                """);
        Workspace ws = new WorkspaceLoader().load(dir);

        assertThat(ws.name()).isEqualTo("box");
        assertThat(ws.machine().gpu()).contains(new GpuSpec("NVIDIA GeForce RTX 4090", ByteSize.ofGiB(24)));
        ServiceSpec tts = ws.services().get(0);
        assertThat(tts.matches("/usr/bin/python cosyvoice/server.py")).isTrue();
        assertThat(tts.memory()).contains(ByteSize.parse("3.8 GiB"));
        assertThat(tts.stop()).containsExactly("docker", "stop", "tts");
        assertThat(ws.today().orElseThrow().freeze()).contains(dir.resolve("freeze.txt"));
        ModelSpec m = ws.model("m1").orElseThrow();
        assertThat(m.python()).isEqualTo("3.11");
        assertThat(m.manifests()).containsExactly(dir.resolve("m1/requirements.txt"));
        assertThat(m.sources()).containsExactly(dir.resolve("m1/src"));
        assertThat(m.card().baseModel()).contains("Mistral 7B");
        assertThat(m.card().features()).containsEntry("video QA", true).containsEntry("auto highlights", false);
        TestSpec t = m.test().orElseThrow();
        assertThat(t.command()).contains(java.util.List.of("python", "run.py"));
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(m.environment().pins()).containsEntry("transformers", "4.44.2");
        assertThat(m.environment().skipWithoutCuda()).containsExactly("flash-attn");
    }

    @Test
    void defaultsSourcesToTheModelDirectoryAndNameToTheFolder() throws IOException {
        write("""
                models:
                  - name: m1
                    path: m1
                """);
        Workspace ws = new WorkspaceLoader().load(dir.resolve("fitcheck.yaml"));
        assertThat(ws.name()).isEqualTo(dir.getFileName().toString());
        assertThat(ws.models().get(0).sources()).containsExactly(dir.resolve("m1"));
        assertThat(ws.models().get(0).python()).isEqualTo("3.10");
    }

    @Test
    void unknownKeyNamesItsLineAndTheNearMiss() throws IOException {
        InputError e = failure("""
                models:
                  - name: m1
                    path: m1
                    manifest: [requirements.txt]
                """);
        assertThat(e.sentence()).startsWith(dir.resolve("fitcheck.yaml") + ":4: unknown key 'manifest' in 'models[0]'")
                .contains("did you mean 'manifests'?");
    }

    @Test
    void wrongTypeNamesTheKey() throws IOException {
        InputError e = failure("""
                models:
                  - name: m1
                    path: m1
                    manifests: {a: b}
                """);
        assertThat(e.sentence()).endsWith(":4: wrong type for 'models[0].manifests[0]': expected a string");
    }

    @Test
    void missingManifestNamesTheLine() throws IOException {
        InputError e = failure("""
                models:
                  - name: m1
                    path: m1
                    manifests: [requirements.txt, install.sh]
                """);
        assertThat(e.sentence()).endsWith(":4: no file m1/install.sh");
    }

    @Test
    void missingModelDirectory() throws IOException {
        InputError e = failure("""
                models:
                  - name: m1
                    path: nowhere
                """);
        assertThat(e.sentence()).endsWith(":3: no directory nowhere");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        InputError e = failure("""
                models:
                  - name: m1
                    path: "m1
                    python: 3.10
                """);
        assertThat(e.sentence()).contains("fitcheck.yaml:").contains("YAML syntax error");
        assertThat(e.location().orElseThrow().line()).isBetween(3, 5);
    }

    @Test
    void danglingModelNameInToday() throws IOException {
        InputError e = failure("""
                today: {freeze: freeze.txt, runs: [m2]}
                models:
                  - name: m1
                    path: m1
                """);
        assertThat(e.sentence()).endsWith(":1: no model named 'm2'; did you mean 'm1'?");
    }

    @Test
    void badMemorySizeAndDuration() throws IOException {
        assertThat(failure("""
                machine: {gpu: {model: X, memory: lots}}
                models: [{name: m1, path: m1}]
                """).sentence()).endsWith(":1: expected a memory size such as \"24 GiB\", \"3.8 GB\" or \"400 MiB\", got \"lots\"");
        assertThat(failure("""
                models:
                  - name: m1
                    path: m1
                    test: {timeout: soon}
                """).sentence()).endsWith(":4: expected a duration such as \"600s\", \"10m\" or \"1h\", got \"soon\"");
    }

    @Test
    void duplicateModelNamesAndBadNames() throws IOException {
        assertThat(failure("""
                models:
                  - {name: m1, path: m1}
                  - {name: m1, path: m1}
                """).sentence()).endsWith(":3: model name 'm1' is used twice; names must be unique");
        assertThat(failure("""
                models:
                  - {name: "My Model", path: m1}
                """).sentence()).contains("must be lower case letters");
    }

    @Test
    void noModelsAndEmptyFileAndMissingFile() throws IOException {
        assertThat(failure("name: x\n").sentence()).contains("no models");
        assertThat(failure("").sentence()).endsWith(":1: is empty; expected a workspace with a 'models' list");
        assertThatThrownBy(() -> new WorkspaceLoader().load(dir.resolve("sub")))
                .isInstanceOf(InputError.class).hasMessageContaining("no workspace file here");
    }

    @Test
    void missingRequiredKey() throws IOException {
        assertThat(failure("""
                models:
                  - name: m1
                """).sentence()).endsWith(":2: missing 'path': expected the model's directory");
    }

    @Test
    void invalidServicePattern() throws IOException {
        assertThat(failure("""
                services: [{name: s, match: "a(b"}]
                models: [{name: m1, path: m1}]
                """).sentence()).contains(":1: 'match' is not a valid regular expression");
    }

    @Test
    void machinePackageSourcesForAWheelhouseWithoutIndex() throws IOException {
        Files.createDirectories(dir.resolve("wheels"));
        write("""
                machine:
                  python: /usr/bin/python3
                  installer: pip
                  find_links: [wheels]
                  no_index: true
                  index_url: https://download.pytorch.org/whl/cu121
                models:
                  - {name: m1, path: m1}
                """);

        PackageSources p = new WorkspaceLoader().load(dir).machine().packages();

        assertThat(p.findLinks()).containsExactly(dir.resolve("wheels"));
        assertThat(p.noIndex()).isTrue();
        assertThat(p.indexUrl()).hasValue("https://download.pytorch.org/whl/cu121");
        assertThat(p.installer()).hasValue("pip");
    }

    @Test
    void packageSourcesDefaultToTheIndexAndAnyInstaller() throws IOException {
        write("models:\n  - {name: m1, path: m1}\n");

        assertThat(new WorkspaceLoader().load(dir).machine().packages()).isEqualTo(PackageSources.defaults());
    }

    @Test
    void aMissingWheelhouseNamesItsLine() throws IOException {
        assertThat(failure("""
                machine:
                  find_links:
                    - nowhere
                models:
                  - {name: m1, path: m1}
                """).sentence()).endsWith(":3: no directory nowhere");
    }

    @Test
    void noIndexWithoutAWheelhouseCannotInstallAnything() throws IOException {
        assertThat(failure("""
                machine:
                  no_index: true
                models:
                  - {name: m1, path: m1}
                """).sentence()).endsWith(":2: no_index: true needs find_links (a wheelhouse); otherwise nothing can be installed");
    }

    @Test
    void anUnknownInstallerIsNamedWithTheNearMiss() throws IOException {
        assertThat(failure("""
                machine:
                  installer: uvv
                models:
                  - {name: m1, path: m1}
                """).sentence()).endsWith(":2: installer must be one of uv, pip, got \"uvv\"; did you mean 'uv'?");
    }

    @Test
    void anIndexUrlMustBeAUrl() throws IOException {
        assertThat(failure("""
                machine:
                  index_url: pytorch.org
                models:
                  - {name: m1, path: m1}
                """).sentence()).endsWith(":2: index_url must be an http(s) or file URL, got \"pytorch.org\"");
        assertThat(failure("""
                machine:
                  no_index: maybe
                models:
                  - {name: m1, path: m1}
                """).sentence()).contains(":2: wrong type for 'machine.no_index': expected true or false");
    }

    @Test
    void anUnknownModelNameIsAnsweredWithTheClosestOne() throws IOException {
        write("models:\n  - {name: m1, path: m1}\n");
        Workspace ws = new WorkspaceLoader().load(dir);

        assertThat(ws.requireModel("m1").name()).isEqualTo("m1");
        assertThatThrownBy(() -> ws.requireModel("m2")).isInstanceOf(InputError.class)
                .extracting(e -> ((InputError) e).sentence())
                .isEqualTo(dir.resolve("fitcheck.yaml") + ": no model named 'm2'; did you mean 'm1'? (models: m1)");
    }
}
