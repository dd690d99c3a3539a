package dev.fitcheck.env;

import java.util.List;

/** One {@link Creation} per requested model; a failure of one does not stop the others. */
public record CreateResult(List<Creation> creations) {

    public CreateResult {
        creations = List.copyOf(creations);
    }

    public boolean anyFailed() {
        return creations.stream().anyMatch(Creation::failed);
    }
}
