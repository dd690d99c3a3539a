package dev.fitcheck.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program to run: its argument list, the directory it runs in, variables added to (or, with a
 * null value, removed from) the inherited environment, and an optional time limit after which its
 * whole process tree is killed.
 */
public record ExternalCommand(List<String> argv, Optional<Path> directory, Map<String, String> environment,
        Optional<Duration> timeout) {

    public ExternalCommand {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
        argv = List.copyOf(argv);
        // LinkedHashMap, not Map.copyOf: a null value means "remove this variable".
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    public static ExternalCommand of(List<String> argv) {
        return new ExternalCommand(argv, Optional.empty(), Map.of(), Optional.empty());
    }

    public static ExternalCommand of(String... argv) {
        return of(List.of(argv));
    }

    public ExternalCommand in(Path dir) {
        return new ExternalCommand(argv, Optional.of(dir), environment, timeout);
    }

    public ExternalCommand withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new ExternalCommand(argv, directory, env, timeout);
    }

    public ExternalCommand withEnv(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(more);
        return new ExternalCommand(argv, directory, env, timeout);
    }

    public ExternalCommand withoutEnv(String name) {
        return withEnv(name, null);
    }

    public ExternalCommand withTimeout(Duration limit) {
        return new ExternalCommand(argv, directory, environment, Optional.of(limit));
    }

    public ExternalCommand withArgs(List<String> more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(more);
        return new ExternalCommand(all, directory, environment, timeout);
    }

    /** The command as a person would type it, quoting arguments that need it. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(a.isEmpty() || a.chars().anyMatch(c -> " \t\"'$\\;&|<>*?()[]{}`!#~".indexOf(c) >= 0)
                    ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }
}
