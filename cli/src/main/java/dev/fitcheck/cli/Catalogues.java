package dev.fitcheck.cli;

import dev.fitcheck.compat.ApiHistories;
import java.nio.file.Path;

/** The API catalogues analyze reads: the prebuilt ones under rules/catalogues, offline. */
final class Catalogues {

    private Catalogues() {
    }

    static ApiHistories histories(Path rules) {
        // The catalogue store lands with the catalogue work; until then no package is catalogued.
        return ApiHistories.none();
    }
}
