package dev.fitcheck.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Python files of a model under its source roots, and the top-level module names they
 * define (directly under a root, or under its {@code src/}): an import of one of those names is
 * the model's own code, not an external package.
 */
public record SourceTree(List<Path> roots, List<Path> files, Set<String> topLevelModules) {

    /** Directories that hold other people's code or generated files, never the model's own. */
    private static final Set<String> SKIPPED_DIRS = Set.of(
            "__pycache__", "site-packages", "node_modules", "build", "dist", "venv", "env", ".venv", ".env",
            ".git", ".hg", ".tox", ".nox", ".fitcheck", ".mypy_cache", ".pytest_cache");

    public SourceTree {
        roots = List.copyOf(roots);
        files = List.copyOf(files);
        topLevelModules = Set.copyOf(topLevelModules);
    }

    public static SourceTree scan(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        Set<String> topLevel = new TreeSet<>();
        for (Path root : roots) {
            Path absRoot = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(absRoot)) {
                files.add(absRoot);
                topLevel.add(stem(absRoot));
                continue;
            }
            if (Files.isRegularFile(absRoot.resolve("__init__.py")) && absRoot.getFileName() != null) {
                topLevel.add(absRoot.getFileName().toString()); // the root is itself a package
            }
            // The src layout (root/src/pkg): pkg is the project's own, as installed in development mode.
            Path srcLayout = absRoot.resolve("src");
            try {
                Files.walkFileTree(absRoot, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(absRoot) && (SKIPPED_DIRS.contains(name) || name.startsWith(".")
                                || Files.exists(dir.resolve("pyvenv.cfg")))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (dir.getParent() != null && !dir.equals(absRoot) && isIdentifier(name)
                                && (dir.getParent().equals(absRoot) || dir.getParent().equals(srcLayout))) {
                            topLevel.add(name);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                            files.add(file);
                            if (file.getParent().equals(absRoot) || file.getParent().equals(srcLayout)) {
                                topLevel.add(stem(file));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return new SourceTree(roots, files, topLevel);
    }

    /**
     * The dotted module name a file of the tree is imported as: {@code pkg.sub} for
     * {@code ROOT/pkg/sub.py}, {@code ROOT/src/pkg/sub.py} or {@code ROOT/pkg/sub/__init__.py};
     * empty for a file outside every root.
     */
    public String moduleOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(r)) {
                if (r.equals(abs)) return stem(abs);
                continue;
            }
            if (!abs.startsWith(r)) continue;
            Path rel = r.relativize(abs);
            if (rel.getNameCount() > 1 && rel.getName(0).toString().equals("src")) rel = rel.subpath(1, rel.getNameCount());
            List<String> parts = new ArrayList<>();
            for (Path part : rel) parts.add(part.toString());
            String last = stem(abs);
            parts.set(parts.size() - 1, last);
            if (last.equals("__init__")) parts.remove(parts.size() - 1);
            return String.join(".", parts);
        }
        return "";
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    }

    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
                && name.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
