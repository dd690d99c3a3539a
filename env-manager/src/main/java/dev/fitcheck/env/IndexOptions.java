package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where installers look for packages: local wheelhouses ({@code --find-links}), whether the index
 * is off ({@code --no-index}, for machines without internet), and another index URL. Both uv and
 * pip take these flags with the same spelling.
 */
public record IndexOptions(List<Path> findLinks, boolean noIndex, Optional<String> indexUrl,
        List<String> extraIndexUrls) {

    public IndexOptions {
        findLinks = findLinks.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        extraIndexUrls = List.copyOf(extraIndexUrls);
    }

    public static IndexOptions defaults() {
        return new IndexOptions(List.of(), false, Optional.empty(), List.of());
    }

    public IndexOptions with(IndexOptions more) {
        List<Path> links = new ArrayList<>(findLinks);
        more.findLinks.stream().filter(l -> !links.contains(l)).forEach(links::add);
        List<String> extra = new ArrayList<>(extraIndexUrls);
        more.extraIndexUrls.stream().filter(u -> !extra.contains(u)).forEach(extra::add);
        return new IndexOptions(links, noIndex || more.noIndex, more.indexUrl.or(() -> indexUrl), extra);
    }

    public List<String> installerArgs() {
        List<String> a = new ArrayList<>();
        for (Path p : findLinks) {
            a.add("--find-links");
            a.add(p.toString());
        }
        if (noIndex) {
            a.add("--no-index");
        }
        indexUrl.ifPresent(u -> {
            a.add("--index-url");
            a.add(u);
        });
        for (String u : extraIndexUrls) {
            a.add("--extra-index-url");
            a.add(u);
        }
        return a;
    }
}
