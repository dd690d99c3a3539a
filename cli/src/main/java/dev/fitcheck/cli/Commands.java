package dev.fitcheck.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The one list of subcommands. Each command is its own class in this package; adding one is a
 * line here, which keeps parallel work on different commands from touching the same annotation.
 */
final class Commands {

    /** Every subcommand's name, in the order usage help lists them. */
    static final List<String> NAMES = List.of("analyze", "memory", "memory-compare", "scan", "gate", "api-diff",
            "catalogue", "env", "test");

    private Commands() {
    }

    static void register(CommandLine root) {
        // scan and gate answer for Python workspaces and for Maven projects (a pom.xml in the path).
        NAMES.forEach(name -> root.addSubcommand(create(name)));
    }

    /**
     * Only what {@code args} needs: picocli builds a command's model (reflection over its fields,
     * mixins and the classes of their types) when it is added, and each one costs a cold JVM tens of
     * milliseconds, so {@code fitcheck scan} adds scan alone and {@code fitcheck --version} adds
     * none. Anything else (no arguments, {@code help}, {@code --help}, a root option before the
     * subcommand, an unknown name) gets every command, for the listing and the suggestions.
     */
    static void register(CommandLine root, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return;
        }
        if (args.length > 0 && NAMES.contains(args[0])) {
            root.addSubcommand(create(args[0]));
            return;
        }
        register(root);
    }

    private static Object create(String name) {
        return switch (name) {
            case "analyze" -> new AnalyzeCommand();
            case "memory" -> new MemoryCommand();
            case "memory-compare" -> new MemoryCompareCommand();
            case "scan" -> new ScanCommand();
            case "gate" -> new GateCommand();
            case "api-diff" -> new ApiDiffCommand();
            case "catalogue" -> new CatalogueCommand();
            case "env" -> new EnvCommand();
            case "test" -> new TestCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }
}
