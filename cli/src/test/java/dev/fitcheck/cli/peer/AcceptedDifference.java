package dev.fitcheck.cli.peer;

/**
 * A pyright complaint fitcheck does not report, on purpose: where it is (file relative to the
 * model's root, line), the symbol pyright names, and why the code runs anyway.
 */
public record AcceptedDifference(String file, int line, String path, String reason) {

    boolean covers(ApiComplaint c, java.nio.file.Path root) {
        return c.diagnostic().where(root).equals(file + ":" + line) && c.path().equals(path);
    }
}
