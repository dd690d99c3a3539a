package dev.fitcheck.cli;

import picocli.CommandLine.Command;

/** {@code fitcheck env}: the per-model environments of a workspace. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "One isolated Python environment per model, built by uv or pip.",
        subcommands = {EnvCreateCommand.class, EnvListCommand.class, EnvPathCommand.class, EnvRemoveCommand.class,
                EnvRunCommand.class, EnvVerifyCommand.class})
final class EnvCommand {
}
