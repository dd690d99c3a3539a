package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.inference.VideoTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the probe end to end on CPU at tiny widths with a real torch (a venv under
 * ~/.cache/fitcheck-test that the test builds from PyPI the first time: about a minute) and checks
 * that it builds both Vidi shapes and counts video tokens exactly as the Java planner does.
 */
@Tag("torch")
class ProbeSmokeTest {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();
    static final Path PROBE = REPO.resolve("env-manager/src/main/python/fitcheck_helpers/probe.py");
    static final Path VENV = Path.of(System.getProperty("user.home"), ".cache", "fitcheck-test", "torch-venv");

    static Path python() throws IOException, InterruptedException {
        Path py = VENV.resolve("bin/python");
        if (run(List.of(py.toString(), "-c", "import torch"), 60) != 0) {
            Files.createDirectories(VENV.getParent());
            assertThat(run(List.of("python3", "-m", "venv", VENV.toString()), 120)).isZero();
            assertThat(run(List.of(py.toString(), "-m", "pip", "install", "-q", "torch"), 1800)).isZero();
        }
        return py;
    }

    static int run(List<String> cmd, long seconds) throws IOException, InterruptedException {
        if (!Files.exists(Path.of(cmd.get(0))) && cmd.get(0).contains("/")) {
            return 127;
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return 124;
        }
        return p.exitValue();
    }

    static JsonNode probe(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python().toString(), PROBE.toString(), "--device", "cpu", "--tiny"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out);
    }

    static ModelArchitecture arch(String dir) {
        Path d = REPO.resolve("fixtures/vidi").resolve(dir).resolve("config");
        return new ArchitectureReader().fromConfigs(dir, Map.of("language", d.resolve("language.json"),
                "vision", d.resolve("vision.json"), "audio", d.resolve("audio.json"), "projector", d.resolve("projector.json")));
    }

    @Test
    void vidi_9b_shape_runs_a_sweep_and_counts_tokens_like_the_planner() throws Exception {
        JsonNode r = probe("--shape", "vidi-9b", "--sweep", "12:3,10:400", "--decode-steps", "2");
        assertThat(r.path("status").asText()).isEqualTo("ok");
        ModelArchitecture nine = arch("Vidi1.5_9B");
        for (JsonNode run : r.path("runs")) {
            assertThat(run.path("status").asText()).isEqualTo("ok");
            VideoTokens expected = VideoTokens.of(nine, run.path("video_seconds").asDouble());
            assertThat(run.path("visual_tokens").asLong()).isEqualTo(expected.visualTokens());
            assertThat(run.path("audio_tokens").asLong()).isEqualTo(expected.audioTokens());
            assertThat(run.path("tokens_per_frame").asInt()).isEqualTo(expected.tokensPerFrame());
            assertThat(run.path("audio_windows").asInt()).isEqualTo(expected.audioWindows());
        }
        assertThat(r.path("runs").get(1).path("visual_tokens").asLong()).isEqualTo(57_600);
    }

    @Test
    void vidi_7b_shape_and_a_missing_bitsandbytes_are_reported() throws Exception {
        JsonNode r = probe("--shape", "vidi-7b", "--video-seconds", "2", "--decode-steps", "1", "--text-cache", "hybrid");
        assertThat(r.path("runs").get(0).path("visual_tokens").asLong()).isEqualTo(2 * 16);
        assertThat(r.path("logits").asText()).isEqualTo("all");
        JsonNode q = probe("--shape", "vidi-9b", "--quant", "nf4", "--video-seconds", "1");
        assertThat(q.path("status").asText()).isEqualTo("bitsandbytes not importable");
    }
}
