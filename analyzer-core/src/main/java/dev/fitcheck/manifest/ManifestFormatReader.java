package dev.fitcheck.manifest;

import java.nio.file.Path;

/** Reads one manifest format. */
public interface ManifestFormatReader {

    /**
     * @throws dev.fitcheck.evidence.InputError when the file is missing or malformed, naming the file
     *                                          and line and what was expected
     */
    ManifestResult read(Path file);
}
