package dev.fitcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One in-process run of the command line: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static final Path REPO = Path.of(System.getProperty("fitcheck.repo", "..")).toAbsolutePath().normalize();

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Fitcheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** For assertion messages. */
    String describe() {
        return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
