package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Registering only the subcommand a command line names changes nothing the user sees. */
class CommandsTest {

    @Test
    void everyNameCreatesTheCommandOfThatName() {
        CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create());
        Commands.register(root);
        assertThat(new ArrayList<>(root.getSubcommands().keySet())).isEqualTo(Commands.NAMES);
    }

    @Test
    void aNamedSubcommandIsRegisteredAlone() {
        CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create());
        Commands.register(root, new String[] {"scan", "x"});
        assertThat(root.getSubcommands().keySet()).containsExactly("scan");
        CommandLine none = new CommandLine(CommandLine.Model.CommandSpec.create());
        Commands.register(none, new String[] {"--version"});
        assertThat(none.getSubcommands()).isEmpty();
    }

    @Test
    void rootHelpListsEveryCommand() {
        CliRun r = CliRun.of("--help");
        assertThat(r.code()).as(r.describe()).isZero();
        for (String name : Commands.NAMES) {
            assertThat(r.out()).containsPattern("(?m)^  " + name + " ");
        }
    }

    @Test
    void unknownAndHelpedCommandsReadAsBefore() {
        CliRun unknown = CliRun.of("scna");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("Did you mean: fitcheck scan");
        CliRun help = CliRun.of("help", "scan");
        assertThat(help.out()).startsWith("Usage: fitcheck scan ");
        CliRun bad = CliRun.of("scan", "--frobnicate");
        assertThat(bad.err()).contains("Try 'fitcheck scan --help'.");
        CliRun version = CliRun.of("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("fitcheck ");
        assertThat(List.of(version.err())).containsExactly("");
    }
}
