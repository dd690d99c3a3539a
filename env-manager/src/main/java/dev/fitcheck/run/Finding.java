package dev.fitcheck.run;

import java.util.Optional;

/**
 * One checked item of a stage (a package's version, a module's import, the inference command) with
 * its status, what was observed, and a diagnosis when fitcheck recognises the failure.
 */
public record Finding(StageStatus status, String subject, String message, Optional<Diagnosis> diagnosis) {

    public static Finding passed(String subject, String message) {
        return new Finding(StageStatus.PASSED, subject, message, Optional.empty());
    }

    public static Finding failed(String subject, String message) {
        return new Finding(StageStatus.FAILED, subject, message, Optional.empty());
    }

    public static Finding incomplete(String subject, String message) {
        return new Finding(StageStatus.INCOMPLETE, subject, message, Optional.empty());
    }

    public Finding with(Diagnosis d) {
        return new Finding(status, subject, message, Optional.of(d));
    }
}
