package dev.fitcheck.fetch;

/** Lists and downloads a Python package's releases. */
public interface ReleaseFetcher {

    /** Every release of a package the configured index offers (pre-releases included), oldest first. */
    ReleaseList list(String packageName);

    /** Brings releases into the download cache; each release fails alone. */
    FetchResult fetch(FetchRequest request);
}
