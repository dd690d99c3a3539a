package dev.fitcheck.env;

import java.util.List;

/** Per-model virtual environments of a workspace. */
public interface Environments {

    CreateResult create(CreateRequest request);

    List<EnvironmentStatus> list(EnvironmentLayout layout, List<EnvironmentSpec> specs);

    /** Deletes the model's environment (its lock file stays, so {@code --locked} can rebuild it). */
    boolean remove(EnvironmentLayout layout, String model);

    VerifyResult verify(EnvironmentLayout layout, String model, boolean checkFiles);
}
