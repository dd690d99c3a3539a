package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Python environment the machine runs today: a {@code pip freeze} file, or an interpreter
 * whose site-packages are read without running it; and which models run in it.
 */
public record TodaySpec(Optional<Path> freeze, Optional<Path> python, List<String> runs) {

    public TodaySpec {
        runs = List.copyOf(runs);
    }
}
