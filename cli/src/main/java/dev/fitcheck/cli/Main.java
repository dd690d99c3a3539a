package dev.fitcheck.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Process entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // A Python scan waits last for the catalogues: they are read while picocli builds its model.
        if (isPythonScan(args)) {
            Catalogues.readAhead(Workspaces.rules());
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(Fitcheck.run(args, out, err));
    }

    /**
     * Whether {@code args} look like {@code scan} of Python sources: no argument names a pom.xml or a
     * directory holding one (nor the working directory, when no path is given). A wrong guess costs
     * time only: the scan itself decides, and reads what it needs.
     */
    static boolean isPythonScan(String[] args) {
        if (args.length == 0 || !args[0].equals("scan")) {
            return false;
        }
        List<String> paths = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("-")).toList();
        for (String p : paths.isEmpty() ? List.of(".") : paths) {
            try {
                if (MavenProjects.findPom(Path.of(p)).isPresent()) {
                    return false;
                }
            } catch (InvalidPathException e) {
                // not a path: an option's value
            }
        }
        return true;
    }
}
