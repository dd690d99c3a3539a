package dev.fitcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing report files (atomically: a reader never sees half a file) and naming paths relative to the repository. */
final class Output {

    private Output() {
    }

    static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                readableByAll(tmp);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Temporary files are created owner-only; a report is for everyone who can read the directory. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return (abs.startsWith(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** A sentence with the repository root's absolute prefix taken out of the paths it names. */
    static String relativeSentence(Path root, String sentence) {
        String prefix = root.toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
        return sentence.replace(prefix, "");
    }

    static String version() {
        String v = Fitcheck.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
