package dev.fitcheck.process;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a program ended: its exit code (-1 when it was killed before reporting one), whether the
 * time limit killed it, how long it ran, and every line it printed, in order of arrival.
 */
public record CommandOutcome(ExternalCommand command, int exitCode, boolean timedOut, Duration elapsed,
        List<OutputLine> lines) {

    public CommandOutcome {
        lines = List.copyOf(lines);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    public String stdout() {
        return text(OutputLine.Stream.STDOUT);
    }

    public String stderr() {
        return text(OutputLine.Stream.STDERR);
    }

    /** Both streams interleaved as they arrived. */
    public String output() {
        return lines.stream().map(OutputLine::text).collect(Collectors.joining("\n"));
    }

    private String text(OutputLine.Stream s) {
        return lines.stream().filter(l -> l.stream() == s).map(OutputLine::text).collect(Collectors.joining("\n"));
    }
}
