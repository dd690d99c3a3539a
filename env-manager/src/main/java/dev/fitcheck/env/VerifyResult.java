package dev.fitcheck.env;

import java.util.List;
import java.util.Optional;

/** {@code env verify} for one model: a problem that prevents the check, or the drift it found. */
public record VerifyResult(String model, Optional<String> problem, List<Drift> drift) {

    public VerifyResult {
        drift = List.copyOf(drift);
    }

    public boolean clean() {
        return problem.isEmpty() && drift.isEmpty();
    }
}
