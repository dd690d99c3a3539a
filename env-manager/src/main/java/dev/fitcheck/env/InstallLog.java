package dev.fitcheck.env;

import dev.fitcheck.process.OutputLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The full record of one environment creation on disk: every command run and every line it
 * printed. A failure summary names this file, so the user can read what the summary left out.
 */
public final class InstallLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    private InstallLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    public static InstallLog open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new InstallLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the install log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void command(String display) {
        write("$ " + display);
    }

    public synchronized void note(String text) {
        write("# " + text);
    }

    public synchronized void line(OutputLine line) {
        write(line.text());
    }

    private void write(String text) {
        try {
            out.write(text);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // a full disk must not turn an install into a crash; the summary still reaches the user
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
