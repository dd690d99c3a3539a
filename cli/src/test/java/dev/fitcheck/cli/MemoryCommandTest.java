package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCommandTest {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();
    static final Path GOLDEN = Path.of("src/test/resources/golden/memory-vidi-9b.txt");

    @TempDir
    Path tmp;

    /**
     * fixtures/vidi as the memory command reads it. The model trees' manifests come from another
     * branch; until they are there, a copy gets empty stand-ins (the memory planner never reads them).
     */
    private Path workspace() throws IOException {
        Path src = REPO.resolve("fixtures/vidi");
        Path dst = tmp.resolve("vidi");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        for (String f : new String[] {"Vidi_7B/requirements.txt", "Vidi_7B/install.sh", "Vidi1.5_9B/requirements.txt",
                "Vidi1.5_9B/install.sh", "current-env.txt"}) {
            if (!Files.exists(dst.resolve(f))) {
                Files.createFile(dst.resolve(f));
            }
        }
        return dst;
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Fitcheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void text_output_on_fixtures_vidi_matches_the_golden_file() throws IOException {
        String[] r = run("memory", "vidi-9b", "-w", workspace().toString(), "--no-live", "--video-minutes", "1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        if (Boolean.getBoolean("fitcheck.updateGolden")) {
            Files.writeString(GOLDEN, r[1]);
        }
        assertThat(r[1]).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void json_output_carries_the_figures_in_bytes() throws IOException {
        String[] r = run("memory", "vidi-7b", "-w", workspace().toString(), "--no-live", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("\"language\" : 7241732096").contains("\"configuration\" : \"4-bit (nf4)\"")
                .contains("\"live\" : false");
    }

    @Test
    void an_unknown_model_is_bad_input() throws IOException {
        String[] r = run("memory", "vidi-8b", "-w", workspace().toString(), "--no-live");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no model named 'vidi-8b'").contains("vidi-7b, vidi-9b");
    }
}
