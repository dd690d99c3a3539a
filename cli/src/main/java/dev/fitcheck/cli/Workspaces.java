package dev.fitcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the default workspace and the rules are: FITCHECK_HOME (set by the launcher), else above the working directory. */
final class Workspaces {

    private Workspaces() {
    }

    static Path home() {
        String env = System.getenv("FITCHECK_HOME");
        if (env != null && Files.isDirectory(Path.of(env, "rules"))) {
            return Path.of(env);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("rules")) && Files.isDirectory(d.resolve("fixtures"))) {
                return d;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    static Path rules() {
        return home().resolve("rules");
    }

    static Path defaultPath() {
        Path here = Path.of("fitcheck.yaml");
        return Files.isRegularFile(here) ? here : home().resolve("fixtures").resolve("vidi");
    }
}
