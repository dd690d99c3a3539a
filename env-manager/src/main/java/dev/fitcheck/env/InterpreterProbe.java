package dev.fitcheck.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks an interpreter what it is by running it once. A pyenv shim or a broken install answers with
 * an error, which is why a candidate on PATH counts only once it has answered.
 */
public final class InterpreterProbe {

    // The site-packages this interpreter imports from, as it runs: a venv's own (where GPU images
    // often keep torch) and, when that venv sees them, its base's. Inherited packages live there.
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys, site, platform",
            "paths = [p for p in site.getsitepackages() if os.path.isdir(p)]",
            "print(json.dumps({'version': platform.python_version(), 'implementation': platform.python_implementation(),",
            "  'executable': sys.executable, 'real': os.path.realpath(sys.executable), 'site': paths,",
            "  'venv': sys.prefix != sys.base_prefix}))");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessRunner runner;

    public InterpreterProbe(ProcessRunner runner) {
        this.runner = runner;
    }

    /** The interpreter's description, or empty when it does not run or answers nonsense. */
    public Optional<PythonInterpreter> probe(Path executable) {
        CommandOutcome out;
        try {
            out = runner.run(ExternalCommand.of(executable.toString(), "-I", "-c", SCRIPT)
                    .withoutEnv("PYTHONPATH").withoutEnv("PYTHONHOME").withTimeout(Duration.ofSeconds(30)));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!out.succeeded()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(out.stdout().strip());
            List<Path> site = new ArrayList<>();
            n.get("site").forEach(s -> site.add(Path.of(s.asText())));
            return Optional.of(new PythonInterpreter(executable.toAbsolutePath(), Path.of(n.get("real").asText()),
                    n.get("version").asText(), n.get("implementation").asText(), site, n.path("venv").asBoolean(false)));
        } catch (IOException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
