package dev.fitcheck.distribution;

import java.nio.file.Path;

/** One entry is refused (over the size limit) while the rest of the archive stays readable. */
public class EntryRefusedException extends ArchiveException {
    public EntryRefusedException(Path archive, String sentence) {
        super(archive, sentence);
    }
}
