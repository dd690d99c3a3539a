package dev.fitcheck.env;

import java.util.List;
import java.util.Optional;

/** What a provisioner did: the failure when it failed, and notes worth telling the user either way. */
public record ProvisionResult(Optional<InstallFailure> failure, List<String> notes) {

    public ProvisionResult {
        notes = List.copyOf(notes);
    }

    public static ProvisionResult ok(List<String> notes) {
        return new ProvisionResult(Optional.empty(), notes);
    }

    public static ProvisionResult failed(InstallFailure failure) {
        return new ProvisionResult(Optional.of(failure), List.of());
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
