package dev.fitcheck.cli;

import picocli.CommandLine;

/**
 * The one list of subcommands. Each command is its own class in this package; adding one is a
 * line here, which keeps parallel work on different commands from touching the same annotation.
 */
final class Commands {

    private Commands() {
    }

    static void register(CommandLine root) {
        // Subcommands are added here as they are built: analyze, scan, catalogue, env, test, memory, gate.
        root.addSubcommand(new AnalyzeCommand());
        root.addSubcommand(new MemoryCommand());
        root.addSubcommand(new MemoryCompareCommand());
        // scan and gate answer for Python workspaces and for Maven projects (a pom.xml in the path).
        root.addSubcommand(new ScanCommand());
        root.addSubcommand(new GateCommand());
        root.addSubcommand(new ApiDiffCommand());
        root.addSubcommand(new CatalogueCommand());
        root.addSubcommand(new EnvCommand());
        root.addSubcommand(new TestCommand());
    }
}
