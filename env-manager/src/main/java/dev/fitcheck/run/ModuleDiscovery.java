package dev.fitcheck.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The importable modules of a model's source roots: every {@code .py} file whose path is a dotted
 * module name, packages by their {@code __init__.py}. Left out: directories that are not code
 * (hidden ones, virtual environments, build output, caches) and files that are not meant to be
 * imported ({@code setup.py}, {@code conftest.py}, {@code __main__.py}).
 */
public final class ModuleDiscovery {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> NOT_CODE = Set.of("__pycache__", "build", "dist", "node_modules",
            "site-packages");
    private static final Set<String> NOT_IMPORTED = Set.of("setup.py", "conftest.py", "__main__.py");

    public List<String> modules(List<Path> roots) {
        Set<String> out = new LinkedHashSet<>();
        for (Path root : roots) {
            out.addAll(modules(root));
        }
        return new ArrayList<>(out);
    }

    private List<String> modules(Path root) {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    String n = dir.getFileName().toString();
                    if (n.startsWith(".") || NOT_CODE.contains(n) || !IDENTIFIER.matcher(n).matches()
                            || Files.exists(dir.resolve("pyvenv.cfg"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String n = file.getFileName().toString();
                    if (!n.endsWith(".py") || NOT_IMPORTED.contains(n)) return FileVisitResult.CONTINUE;
                    String stem = n.substring(0, n.length() - 3);
                    if (!stem.equals("__init__") && !IDENTIFIER.matcher(stem).matches()) return FileVisitResult.CONTINUE;
                    Path rel = root.relativize(file.getParent());
                    List<String> parts = new ArrayList<>();
                    rel.forEach(p -> {
                        if (!p.toString().isEmpty()) parts.add(p.toString());
                    });
                    if (!stem.equals("__init__")) parts.add(stem);
                    if (!parts.isEmpty()) found.add(String.join(".", parts));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }
}
