package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.List;

/**
 * Why an installer failed, in its own words: the step, the command, its exit code, the lines that
 * explain it (uv's or pip's conflict report, or the build error of the package that failed), and
 * the log that holds everything.
 */
public record InstallFailure(String step, String command, int exitCode, List<String> explanation, Path log) {

    public InstallFailure {
        explanation = List.copyOf(explanation);
    }

    public String summary() {
        StringBuilder sb = new StringBuilder(step).append(" failed (exit ").append(exitCode).append(")");
        for (String l : explanation) {
            sb.append("\n    ").append(l);
        }
        sb.append("\n  full log: ").append(log);
        return sb.toString();
    }
}
