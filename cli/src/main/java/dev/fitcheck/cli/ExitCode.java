package dev.fitcheck.cli;

/** Exit codes of every fitcheck command, as DESIGN.md fixes them. */
public final class ExitCode {
    /** Done; for {@code analyze} also when the report holds conflicts, unless --fail-on says otherwise. */
    public static final int OK = 0;
    /** A check failed: gate, test, or analyze with --fail-on. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** The machine lacks something: no python, no uv/pip, no GPU where one is required. */
    public static final int MISSING_TOOL = 3;
    /** A bug in fitcheck. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
