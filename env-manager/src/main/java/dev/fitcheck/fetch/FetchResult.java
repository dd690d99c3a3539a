package dev.fitcheck.fetch;

import java.util.List;

/** What a fetch brought (oldest first) and what it could not, each with its reason. */
public record FetchResult(List<FetchedRelease> fetched, List<FetchError> errors) {
    public FetchResult {
        fetched = List.copyOf(fetched);
        errors = List.copyOf(errors);
    }
}
