package dev.fitcheck.env;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers which interpreter answered a request, so that reusing an unchanged environment does
 * not start Python (through a pyenv shim that alone takes a fifth of a second) to learn what it
 * learned last time. An entry holds while nothing it depends on changed: the interpreter file
 * (its size and modification time) and every directory that was searched (a new interpreter on
 * PATH or in pyenv changes its directory's modification time).
 */
final class InterpreterCache {

    record Entry(PythonInterpreter interpreter, Optional<String> note, Map<String, Long> stamps) {
    }

    private final Path file;

    InterpreterCache(Path file) {
        this.file = file;
    }

    static InterpreterCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new InterpreterCache(base.resolve("fitcheck").resolve("interpreters.json"));
    }

    Optional<InterpreterChoice> get(String key, String requested, List<Path> searched) {
        Map<String, Entry> all = read();
        Entry e = all.get(key);
        if (e == null || !e.stamps().equals(stamps(e.interpreter(), searched))) {
            return Optional.empty();
        }
        return Optional.of(new InterpreterChoice(e.interpreter(), requested, e.note()));
    }

    void put(String key, InterpreterChoice choice, List<Path> searched) {
        Map<String, Entry> all = read();
        all.put(key, new Entry(choice.interpreter(), choice.note(), stamps(choice.interpreter(), searched)));
        try {
            JsonFiles.write(file, all);
        } catch (RuntimeException e) {
            // an unwritable cache costs a probe next time, nothing else
        }
    }

    private Map<String, Entry> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        try {
            return JsonFiles.mapper().readValue(file.toFile(), new TypeReference<HashMap<String, Entry>>() {
            });
        } catch (IOException e) {
            return new HashMap<>();
        }
    }

    private static Map<String, Long> stamps(PythonInterpreter p, List<Path> searched) {
        Map<String, Long> m = new HashMap<>();
        stamp(m, p.executable());
        stamp(m, p.realExecutable());
        for (Path dir : searched) {
            stamp(m, dir);
        }
        return m;
    }

    private static void stamp(Map<String, Long> m, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            m.put(p.toString(), a.lastModifiedTime().toMillis() * 31 + a.size());
        } catch (IOException e) {
            m.put(p.toString(), -1L);
        }
    }
}
