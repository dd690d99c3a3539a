package dev.fitcheck.env;

import dev.fitcheck.process.OutputLine;

/**
 * Follows an environment's creation: a phase per step ("creating the virtual environment",
 * "installing 12 requirements") and every line the installer prints. The command line turns
 * these into a progress display; tests collect them.
 */
public interface InstallListener {

    void phase(String model, String message);

    default void output(String model, OutputLine line) {
    }

    InstallListener SILENT = (model, message) -> { };
}
