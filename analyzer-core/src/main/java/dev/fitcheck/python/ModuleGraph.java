package dev.fitcheck.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.treesitter.TSNode;

/**
 * Which of a model's own files import which: the edges of {@code import pkg.mod}, {@code from
 * pkg import mod} and relative imports between the model's modules, with the packages whose
 * {@code __init__} an import runs. Answers which files run when an entry point runs, so that the
 * range of an inference path can differ from that of the whole tree (training code included).
 */
public final class ModuleGraph {

    private final Map<String, Path> fileOfModule;
    private final Map<Path, Set<Path>> edges;

    private ModuleGraph(Map<String, Path> fileOfModule, Map<Path, Set<Path>> edges) {
        this.fileOfModule = fileOfModule;
        this.edges = edges;
    }

    public static ModuleGraph of(SourceTree tree) {
        Map<String, Path> modules = new HashMap<>();
        Map<Path, String> moduleOfFile = new HashMap<>();
        for (Path file : tree.files()) {
            moduleName(tree, file).ifPresent(m -> {
                modules.putIfAbsent(m, file);
                moduleOfFile.put(file, m);
            });
        }
        Map<Path, Set<Path>> edges = new HashMap<>();
        for (Path file : tree.files()) {
            String module = moduleOfFile.get(file);
            if (module == null) continue;
            boolean isPackage = file.getFileName().toString().equals("__init__.py");
            String pkg = isPackage ? module : module.contains(".") ? module.substring(0, module.lastIndexOf('.')) : "";
            Set<Path> targets = new LinkedHashSet<>();
            for (String imported : importedModules(file, pkg)) {
                addWithParents(imported, modules, targets);
            }
            targets.remove(file);
            edges.put(file, targets);
        }
        return new ModuleGraph(modules, edges);
    }

    /** The files that run when the entry files run: the entries and everything they import, transitively. */
    public Set<Path> reachableFrom(List<Path> entries) {
        Set<Path> seen = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path e : entries) {
            Path abs = e.toAbsolutePath().normalize();
            if (seen.add(abs)) todo.add(abs);
        }
        while (!todo.isEmpty()) {
            for (Path next : edges.getOrDefault(todo.poll(), Set.of())) {
                if (seen.add(next)) todo.add(next);
            }
        }
        return seen;
    }

    public Optional<Path> fileOf(String module) {
        return Optional.ofNullable(fileOfModule.get(module));
    }

    /** A module and the package {@code __init__} files that importing it runs, as far as the tree has them. */
    private static void addWithParents(String module, Map<String, Path> modules, Set<Path> out) {
        String m = module;
        while (true) {
            Path f = modules.get(m);
            if (f != null) out.add(f);
            int dot = m.lastIndexOf('.');
            if (dot < 0) break;
            m = m.substring(0, dot);
        }
    }

    private static Optional<String> moduleName(SourceTree tree, Path file) {
        for (Path root : tree.roots()) {
            Path abs = root.toAbsolutePath().normalize();
            if (!file.startsWith(abs)) continue;
            Path rel = abs.relativize(file);
            String dotted = rel.toString().replace('\\', '/').replace('/', '.');
            dotted = dotted.substring(0, dotted.length() - ".py".length());
            if (dotted.endsWith(".__init__")) dotted = dotted.substring(0, dotted.length() - ".__init__".length());
            else if (dotted.equals("__init__")) return Optional.empty();
            return Optional.of(dotted);
        }
        return Optional.empty();
    }

    /** Every module a file's import statements name, relative ones resolved against its package. */
    private static Set<String> importedModules(Path file, String pkg) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> out = new LinkedHashSet<>();
        try (SyntaxTree tree = SyntaxTree.parse(text)) {
            collect(tree.root(), tree, pkg, out);
        }
        return out;
    }

    private static void collect(TSNode node, SyntaxTree tree, String pkg, Set<String> out) {
        switch (node.getType()) {
            case "import_statement" -> {
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    TSNode c = node.getNamedChild(i);
                    TSNode name = c.getType().equals("aliased_import") ? c.getChildByFieldName("name") : c;
                    if (name.getType().equals("dotted_name")) out.add(tree.text(name).replaceAll("\\s+", ""));
                }
                return;
            }
            case "import_from_statement" -> {
                TSNode moduleNode = node.getChildByFieldName("module_name");
                String base = moduleNode.getType().equals("relative_import") ? resolveRelative(tree.text(moduleNode), pkg)
                        : tree.text(moduleNode).replaceAll("\\s+", "");
                if (base == null) return;
                if (!base.isEmpty()) out.add(base);
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    TSNode c = node.getNamedChild(i);
                    if (TSNode.eq(c, moduleNode)) continue;
                    TSNode name = c.getType().equals("aliased_import") ? c.getChildByFieldName("name") : c;
                    if (name.getType().equals("dotted_name")) {
                        String n = tree.text(name).replaceAll("\\s+", "");
                        out.add(base.isEmpty() ? n : base + "." + n); // `from pkg import mod` may name a submodule
                    }
                }
                return;
            }
            default -> { }
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            collect(node.getNamedChild(i), tree, pkg, out);
        }
    }

    /** {@code .x} in package {@code a.b} is {@code a.b.x}; {@code ..x} is {@code a.x}; null beyond the top. */
    static String resolveRelative(String relative, String pkg) {
        String text = relative.replaceAll("\\s+", "");
        int dots = 0;
        while (dots < text.length() && text.charAt(dots) == '.') dots++;
        String rest = text.substring(dots);
        String base = pkg;
        for (int i = 1; i < dots; i++) {
            if (base.isEmpty()) return null;
            base = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : "";
        }
        if (rest.isEmpty()) return base;
        return base.isEmpty() ? rest : base + "." + rest;
    }
}
