package dev.fitcheck.process;

/** Receives a running program's output line by line, as it is printed (from reader threads). */
@FunctionalInterface
public interface OutputSink {

    void accept(OutputLine line);

    OutputSink NONE = line -> { };

    default OutputSink and(OutputSink other) {
        return line -> {
            accept(line);
            other.accept(line);
        };
    }
}
