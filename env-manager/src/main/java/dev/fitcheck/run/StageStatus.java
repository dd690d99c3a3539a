package dev.fitcheck.run;

/**
 * How a stage, or one finding in it, ended. INCOMPLETE is not a failure: the environment lacks
 * something on purpose (torch inherited from a base that has none, flash-attn skipped without
 * CUDA), so what depends on it could not be checked here.
 */
public enum StageStatus {
    PASSED, FAILED, INCOMPLETE, SKIPPED;

    /** The status of a group: any failure fails it; otherwise anything incomplete makes it incomplete. */
    public static StageStatus of(java.util.Collection<StageStatus> parts) {
        if (parts.contains(FAILED)) return FAILED;
        if (parts.contains(INCOMPLETE)) return INCOMPLETE;
        if (!parts.isEmpty() && parts.stream().allMatch(s -> s == SKIPPED)) return SKIPPED;
        return PASSED;
    }
}
