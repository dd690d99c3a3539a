package dev.fitcheck.run;

/** Runs a model's compatibility test in its environment and records the result. */
public interface TestRunner {

    TestRunResult run(TestRunRequest request);
}
