package dev.fitcheck.env;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs on a search path, as a shell would. */
public final class ExecutableLookup {

    private final List<Path> dirs;

    public ExecutableLookup(String searchPath) {
        List<Path> d = new ArrayList<>();
        if (searchPath != null) {
            for (String part : searchPath.split(File.pathSeparator)) {
                if (part.isEmpty()) continue;
                try {
                    d.add(Path.of(part));
                } catch (InvalidPathException e) {
                    // a malformed PATH entry finds nothing, as in a shell
                }
            }
        }
        this.dirs = List.copyOf(d);
    }

    /** The lookup for this process's PATH. */
    public static ExecutableLookup fromEnvironment() {
        return new ExecutableLookup(System.getenv("PATH"));
    }

    /** The directories searched, in order. */
    public List<Path> directories() {
        return dirs;
    }

    public Optional<Path> find(String program) {
        return all(program).stream().findFirst();
    }

    /** Every match in search order (a pyenv shim may come first and fail; later ones still count). */
    public List<Path> all(String program) {
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            Path p = dir.resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                found.add(p);
            }
        }
        return found;
    }
}
