package dev.fitcheck.env;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses the interpreter for a model's environment. The machine's configured base interpreter
 * wins (inherited packages live in it); otherwise the requested version is looked for on PATH,
 * among pyenv's versions and among uv's interpreters, without downloading anything; otherwise the
 * machine's python3 is used and the choice says so.
 */
public final class InterpreterFinder {

    private final ExecutableLookup path;
    private final InterpreterProbe probe;
    private final ProcessRunner runner;
    private final Optional<Path> pyenvRoot;
    private final Optional<InterpreterCache> cache;

    public InterpreterFinder(ExecutableLookup path, ProcessRunner runner, Optional<Path> pyenvRoot) {
        this(path, runner, pyenvRoot, Optional.empty());
    }

    InterpreterFinder(ExecutableLookup path, ProcessRunner runner, Optional<Path> pyenvRoot,
            Optional<InterpreterCache> cache) {
        this.path = path;
        this.runner = runner;
        this.probe = new InterpreterProbe(runner);
        this.pyenvRoot = pyenvRoot;
        this.cache = cache;
    }

    public static InterpreterFinder forThisMachine(ProcessRunner runner) {
        Optional<Path> pyenv = Optional.ofNullable(System.getenv("PYENV_ROOT")).map(Path::of)
                .or(() -> Optional.of(Path.of(System.getProperty("user.home"), ".pyenv")))
                .filter(Files::isDirectory);
        return new InterpreterFinder(ExecutableLookup.fromEnvironment(), runner, pyenv,
                Optional.of(InterpreterCache.inUserCache()));
    }

    /** The interpreter for a model asking for Python {@code requested}, from the cache when nothing changed. */
    public InterpreterChoice find(String requested, Optional<Path> configured) {
        if (cache.isEmpty()) {
            return search(requested, configured);
        }
        String key = requested + "|" + configured.map(Path::toString).orElse("") + "|" + path.directories() + "|"
                + pyenvRoot.map(Path::toString).orElse("");
        List<Path> searched = new ArrayList<>(path.directories());
        pyenvRoot.ifPresent(r -> searched.add(r.resolve("versions")));
        searched.add(uvInterpreters());
        Optional<InterpreterChoice> known = cache.get().get(key, requested, searched);
        if (known.isPresent()) {
            return known.get();
        }
        InterpreterChoice found = search(requested, configured);
        cache.get().put(key, found, searched);
        return found;
    }

    private InterpreterChoice search(String requested, Optional<Path> configured) {
        if (configured.isPresent()) {
            Path exe = configured.get();
            PythonInterpreter base = probe.probe(exe).orElseThrow(() -> new MissingToolError(
                    "the machine's python " + exe + " (machine.python in fitcheck.yaml) does not run"));
            Optional<String> note = base.minorVersion().equals(requested) ? Optional.empty()
                    : Optional.of("the model asks for Python " + requested + "; using the machine's base interpreter "
                            + base.display() + " as fitcheck.yaml's machine.python says");
            return new InterpreterChoice(base, requested, note);
        }
        for (Path candidate : candidatesFor(requested)) {
            Optional<PythonInterpreter> p = probe.probe(candidate);
            if (p.isPresent() && p.get().minorVersion().equals(requested)) {
                return new InterpreterChoice(p.get(), requested, Optional.empty());
            }
        }
        Optional<Path> managed = uvManaged(requested);
        if (managed.isPresent()) {
            Optional<PythonInterpreter> p = probe.probe(managed.get());
            if (p.isPresent() && p.get().minorVersion().equals(requested)) {
                return new InterpreterChoice(p.get(), requested, Optional.empty());
            }
        }
        for (String name : List.of("python3", "python")) {
            for (Path candidate : path.all(name)) {
                Optional<PythonInterpreter> p = probe.probe(candidate);
                if (p.isPresent()) {
                    return new InterpreterChoice(p.get(), requested, Optional.of("Python " + requested
                            + " is not on this machine (looked on PATH, among pyenv's and uv's interpreters); using "
                            + p.get().display() + " instead (with a network, `uv python install " + requested
                            + "` provides it)"));
                }
            }
        }
        throw new MissingToolError("no Python interpreter found: neither python" + requested
                + " nor python3 runs here; install Python " + requested);
    }

    private List<Path> candidatesFor(String version) {
        List<Path> c = new ArrayList<>(path.all("python" + version));
        pyenvRoot.ifPresent(root -> {
            Path versions = root.resolve("versions");
            if (Files.isDirectory(versions)) {
                try (Stream<Path> s = Files.list(versions)) {
                    s.filter(d -> d.getFileName().toString().matches(java.util.regex.Pattern.quote(version) + "\\.[0-9]+"))
                            .sorted(Comparator.comparing((Path d) -> patchOf(d.getFileName().toString())).reversed())
                            .map(d -> d.resolve("bin/python" + version))
                            .filter(Files::isExecutable)
                            .forEach(c::add);
                } catch (IOException e) {
                    // an unreadable pyenv directory offers no candidates
                }
            }
        });
        return c;
    }

    /** Where {@code uv python install} puts interpreters. */
    private static Path uvInterpreters() {
        String dir = System.getenv("UV_PYTHON_INSTALL_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String data = System.getenv("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("uv").resolve("python");
    }

    private static int patchOf(String version) {
        String[] parts = version.split("\\.");
        try {
            return Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An interpreter uv installed earlier; never downloads one. */
    private Optional<Path> uvManaged(String version) {
        Optional<Path> uv = path.find("uv");
        if (uv.isEmpty()) {
            return Optional.empty();
        }
        try {
            CommandOutcome out = runner.run(ExternalCommand.of(uv.get().toString(), "python", "find",
                    "--no-python-downloads", "--no-config", version)
                    .withTimeout(Duration.ofSeconds(30)));
            if (out.succeeded() && !out.stdout().isBlank()) {
                return Optional.of(Path.of(out.stdout().strip().lines().reduce((a, b) -> b).orElseThrow()));
            }
        } catch (IOException e) {
            // uv that does not run finds nothing
        }
        return Optional.empty();
    }
}
