package dev.fitcheck.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real pip against the configured index (PyPI here), into a cache of the test's own. */
class PipReleaseFetcherTest {

    @TempDir
    Path cacheDir;

    private static Version v(String s) {
        return Version.parse(s);
    }

    @Test
    void listsReleasesOldestFirst() {
        ReleaseList list = new PipReleaseFetcher(new DownloadCache(cacheDir)).list("six");
        assertThat(list.error()).isEmpty();
        assertThat(list.versions()).contains(v("1.15.0"), v("1.16.0")).isSorted();
    }

    @Test
    void anUnknownPackageIsAnErrorSentenceNotAnException() {
        ReleaseList list = new PipReleaseFetcher(new DownloadCache(cacheDir)).list("no-such-package-fitcheck-test-0815");
        assertThat(list.versions()).isEmpty();
        assertThat(list.error()).hasValueSatisfying(e -> assertThat(e).startsWith("pip could not list no-such-package-fitcheck-test-0815"));
    }

    @Test
    void aWheelIsStoredByContentAndReusedFromTheCache() throws IOException {
        PipReleaseFetcher fetcher = new PipReleaseFetcher(new DownloadCache(cacheDir));
        FetchResult first = fetcher.fetch(FetchRequest.of("six", List.of(v("1.16.0"))));
        assertThat(first.errors()).isEmpty();
        FetchedRelease f = first.fetched().get(0);
        assertThat(f.wheel()).isTrue();
        assertThat(f.cached()).isFalse();
        assertThat(f.file().getFileName()).hasToString("six-1.16.0-py2.py3-none-any.whl");
        assertThat(f.file()).startsWith(cacheDir.resolve("sha256").resolve(f.sha256().substring(0, 2)).resolve(f.sha256()));
        assertThat(DownloadCache.sha256(f.file())).isEqualTo(f.sha256());

        FetchResult again = fetcher.fetch(FetchRequest.of("six", List.of(v("1.16.0"))));
        assertThat(again.fetched()).singleElement().satisfies(g -> {
            assertThat(g.cached()).isTrue();
            assertThat(g.file()).isEqualTo(f.file());
        });
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aReleaseWithoutAnyWheelComesAsItsSdist() {
        FetchResult r = new PipReleaseFetcher(new DownloadCache(cacheDir)).fetch(FetchRequest.of("docopt", List.of(v("0.6.2"))));
        assertThat(r.errors()).isEmpty();
        assertThat(r.fetched()).singleElement().satisfies(f -> {
            assertThat(f.wheel()).isFalse();
            assertThat(f.file().getFileName()).hasToString("docopt-0.6.2.tar.gz");
        });
    }

    @Test
    void aMissingReleaseFailsAloneWithPipsReason() throws IOException {
        FetchResult r = new PipReleaseFetcher(new DownloadCache(cacheDir))
                .fetch(FetchRequest.of("six", List.of(v("0.0.1"), v("1.15.0"))));
        assertThat(r.fetched()).extracting(FetchedRelease::version).containsExactly(v("1.15.0"));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(v("0.0.1"));
            assertThat(e.sentence()).startsWith("six 0.0.1 could not be downloaded: ")
                    .contains("No matching distribution found for six==0.0.1");
        });
        assertThat(leftovers()).isEmpty();
    }

    /** What a download left in the cache's temporary area: nothing, however it ended. */
    private List<Path> leftovers() throws IOException {
        Path tmp = cacheDir.resolve("tmp");
        if (!Files.isDirectory(tmp)) return List.of();
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }
}
