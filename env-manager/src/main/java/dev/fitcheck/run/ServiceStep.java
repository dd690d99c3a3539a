package dev.fitcheck.run;

import java.time.Duration;
import java.util.List;

/** One stop or start of a service around a test run, as it happened. */
public record ServiceStep(String service, Action action, List<String> command, int exitCode, Duration duration,
        String output) {

    public enum Action { STOP, START }

    public ServiceStep {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String display() {
        String verb = action == Action.STOP ? "stopped" : "started";
        String head = succeeded() ? verb + " " + service : "could not " + action.name().toLowerCase() + " " + service;
        return head + ": " + String.join(" ", command) + " (exit " + exitCode + ", "
                + String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0) + ")"
                + (succeeded() || output.isBlank() ? "" : ": " + output.strip().lines().reduce((a, b) -> b).orElse(""));
    }
}
