package dev.fitcheck.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * pyright, the peer fitcheck is compared with, installed from npm at a pinned version into a cache
 * directory (once: a later run finds it there). The install goes to a temporary directory renamed
 * into place, so an interrupted install is never taken for a finished one.
 */
public final class Pyright {

    public static final String VERSION = "1.1.414";

    private final Path node;
    private final Path script;
    private final ProcessRunner runner = new ProcessRunner();

    private Pyright(Path node, Path script) {
        this.node = node;
        this.script = script;
    }

    /** pyright from the cache, installed there first if needed; empty when node or npm is missing. */
    public static Optional<Pyright> installed(Path cache) throws IOException {
        ExecutableLookup path = ExecutableLookup.fromEnvironment();
        Optional<Path> node = path.find("node");
        Optional<Path> npm = path.find("npm");
        if (node.isEmpty() || npm.isEmpty()) {
            return Optional.empty();
        }
        Path home = cache.resolve(VERSION);
        Path script = home.resolve("node_modules/pyright/index.js");
        if (!Files.isRegularFile(script)) {
            Files.createDirectories(cache);
            Path tmp = Files.createTempDirectory(cache, VERSION + ".partial-");
            CommandOutcome out = new ProcessRunner().run(ExternalCommand.of(npm.get().toString(), "install", "--prefix",
                    tmp.toString(), "--no-audit", "--no-fund", "--no-save", "pyright@" + VERSION)
                    .withTimeout(Duration.ofMinutes(10)));
            if (!out.succeeded()) {
                throw new IOException("npm install pyright@" + VERSION + " failed:\n" + out.output());
            }
            Files.move(tmp, home);
        }
        return Optional.of(new Pyright(node.get(), script));
    }

    public String version() throws IOException {
        return run(ExternalCommand.of(node.toString(), script.toString(), "--version")).stdout().strip();
    }

    /**
     * pyright over {@code root} (which is also its execution root, so the model's own absolute
     * imports resolve as they do when the model runs from there), with the packages that
     * {@code python} sees.
     */
    public List<PyrightDiagnostic> check(Path root, Path python) throws IOException {
        return PyrightDiagnostic.fromReport(report(root, python));
    }

    public JsonNode report(Path root, Path python) throws IOException {
        CommandOutcome out = run(ExternalCommand.of(node.toString(), script.toString(), "--pythonpath", python.toString(),
                "--outputjson", ".").in(root));
        // pyright exits 1 when it reports errors; anything else (or no JSON) is a failure of the run.
        if (out.timedOut() || out.exitCode() > 1) {
            throw new IOException("pyright failed on " + root + ":\n" + out.output());
        }
        return new ObjectMapper().readTree(out.stdout());
    }

    private CommandOutcome run(ExternalCommand command) throws IOException {
        return runner.run(command.withTimeout(Duration.ofMinutes(5)));
    }
}
