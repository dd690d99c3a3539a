package dev.fitcheck.cli;

import dev.fitcheck.env.MissingToolError;
import dev.fitcheck.evidence.InputError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command. {@link #run} takes its streams and returns an exit code, so every command is
 * tested in-process, the way google-java-format's CLI is.
 */
@Command(
        name = "fitcheck",
        mixinStandardHelpOptions = true,
        versionProvider = FitcheckVersion.class,
        description = "Will these models fit together, in one Python environment and on one GPU?",
        subcommands = {CommandLine.HelpCommand.class})
public final class Fitcheck {

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    private Fitcheck() {
    }

    /** Runs one command line; never throws, never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Fitcheck root = new Fitcheck();
        CommandLine cl = new CommandLine(root);
        Commands.register(cl, args);
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            errWriter.println("fitcheck: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, errWriter);
            errWriter.println("Try 'fitcheck " + subcommandPath(ex.getCommandLine()) + "--help'.");
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean withTrace = parseResult.hasMatchedOption("--debug") || root.debug;
            return report(ex, errWriter, withTrace);
        });
        try {
            return cl.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    static int report(Exception ex, PrintWriter err, boolean withTrace) {
        int code;
        String sentence;
        if (ex instanceof InputError ie) {
            code = ExitCode.BAD_INPUT;
            sentence = ie.sentence();
        } else if (ex instanceof MissingToolError mt) {
            code = ExitCode.MISSING_TOOL;
            sentence = mt.getMessage();
        } else if (ex instanceof UncheckedIOException uio && uio.getCause() instanceof NoSuchFileException nsf) {
            code = ExitCode.BAD_INPUT;
            sentence = nsf.getFile() + ": no such file or directory";
        } else {
            code = ExitCode.INTERNAL;
            sentence = "internal error: " + ex + " (run again with --debug for the stack trace, and report it)";
        }
        err.println("fitcheck: " + sentence);
        if (withTrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String subcommandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}
