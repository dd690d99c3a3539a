package dev.fitcheck.maven;

/** One item the resolver could not deliver (an artifact, a version list), and why, in one sentence. */
public record ResolutionError(String item, String message) {

    public String sentence() {
        return item + ": " + message;
    }
}
