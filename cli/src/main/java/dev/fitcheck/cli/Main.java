package dev.fitcheck.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Process entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(Fitcheck.run(args, out, err));
    }
}
