package dev.fitcheck.cli;

import dev.fitcheck.workspace.Workspace;
import dev.fitcheck.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code -w/--workspace DIR}: the workspace a command works on. Without it, ./fitcheck.yaml when
 * there is one, else the bundled example (fixtures/vidi under the fitcheck installation).
 */
final class WorkspaceOption {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "The workspace: a fitcheck.yaml or the directory holding one "
                    + "(default: ./fitcheck.yaml, else the bundled fixtures/vidi).")
    Path workspace;

    Workspace load() {
        return new WorkspaceLoader().load(path());
    }

    Path path() {
        if (workspace != null) {
            return workspace;
        }
        Path here = Path.of(WorkspaceLoader.FILE_NAME);
        if (Files.isRegularFile(here)) {
            return here;
        }
        return home().resolve("fixtures").resolve("vidi");
    }

    /** Where fitcheck is installed: the launcher exports FITCHECK_HOME. */
    static Path home() {
        String h = System.getenv("FITCHECK_HOME");
        if (h == null || h.isBlank()) {
            h = System.getProperty("fitcheck.home", ".");
        }
        return Path.of(h);
    }
}
