package dev.fitcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fitcheck catalogue build|show}: API catalogues of Python packages. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = "Build and query API catalogues: which modules, names and members exist in which releases.",
        subcommands = {CatalogueBuildCommand.class, CatalogueShowCommand.class})
final class CatalogueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }
}
