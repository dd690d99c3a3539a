package dev.fitcheck.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** What ships with CPython: standard-library top-level modules and builtin names. */
public final class StandardLibrary {

    private static final Set<String> MODULES = load("stdlib-modules.txt");
    private static final Set<String> BUILTINS = load("builtins.txt");

    private StandardLibrary() {
    }

    public static boolean isModule(String topLevel) {
        return MODULES.contains(topLevel);
    }

    public static boolean isBuiltin(String name) {
        return BUILTINS.contains(name);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = StandardLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
