package dev.fitcheck.distribution;

import java.nio.file.Path;

/**
 * An archive cannot be read, or must not be: corrupt, truncated, hostile. The sentence names the
 * archive and what is wrong with it. Whether that is the user's input error (their own file) or a
 * per-release problem (a download) is for the caller to say.
 */
public class ArchiveException extends RuntimeException {

    private final transient Path archive;

    public ArchiveException(Path archive, String sentence) {
        super(sentence);
        this.archive = archive;
    }

    public ArchiveException(Path archive, String sentence, Throwable cause) {
        super(sentence, cause);
        this.archive = archive;
    }

    public Path archive() {
        return archive;
    }
}
