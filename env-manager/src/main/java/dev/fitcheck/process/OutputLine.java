package dev.fitcheck.process;

/** One line a running program printed, and on which of its streams. */
public record OutputLine(Stream stream, String text) {

    public enum Stream { STDOUT, STDERR }
}
