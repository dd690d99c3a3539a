package dev.fitcheck.maven;

import dev.fitcheck.java.JavaCatalogue;
import java.util.List;
import java.util.Map;

/** Per artifact, its catalogue over the selected releases; per release or artifact that failed, why. */
public record CatalogueResult(Map<String, JavaCatalogue> catalogues, List<ResolutionError> errors) {

    public CatalogueResult {
        catalogues = Map.copyOf(catalogues);
        errors = List.copyOf(errors);
    }
}
