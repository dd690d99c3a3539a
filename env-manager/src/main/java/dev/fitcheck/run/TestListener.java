package dev.fitcheck.run;

import dev.fitcheck.process.OutputLine;

/** Follows a test run as it happens, for the command line's progress output. */
public interface TestListener {

    default void stageStarted(String stage) {
    }

    default void stageFinished(StageResult result) {
    }

    default void service(ServiceStep step) {
    }

    /** A line the inference command printed. */
    default void output(OutputLine line) {
    }

    TestListener SILENT = new TestListener() {
    };
}
