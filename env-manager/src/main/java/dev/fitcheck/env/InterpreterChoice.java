package dev.fitcheck.env;

import java.util.Optional;

/**
 * The interpreter an environment is built on, the version the model asked for, and, when the two
 * differ, the sentence that says so (it goes into {@code env create}'s output and the report).
 */
public record InterpreterChoice(PythonInterpreter interpreter, String requested, Optional<String> note) {

    public boolean matchesRequest() {
        return interpreter.minorVersion().equals(requested);
    }
}
