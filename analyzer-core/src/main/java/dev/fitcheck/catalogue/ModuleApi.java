package dev.fitcheck.catalogue;

import java.util.Collections;
import java.util.SortedMap;

/** A module over versions: where it exists and its names. */
public record ModuleApi(String module, IndexRanges presence, SortedMap<String, NameApi> names) {
    public ModuleApi {
        names = Collections.unmodifiableSortedMap(names);
    }
}
