package dev.fitcheck.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a requirement is installed from when it is not an index: a VCS checkout
 * ({@code git+https://github.com/org/repo@v1.2#egg=name&subdirectory=pkg}), an archive URL or a
 * local path ({@code .}, {@code ./vendor/pkg}, {@code file:///...}).
 */
public record DirectReference(String url, Kind kind, Optional<String> vcs, Optional<String> revision,
        Optional<String> eggName, Optional<String> subdirectory) {

    public enum Kind { VCS, URL, PATH }

    public DirectReference {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }

    /** Reads pip's forms: {@code vcs+scheme://...@rev#egg=..&subdirectory=..}, URLs and paths. */
    public static DirectReference of(String url) {
        String fragment = "";
        String main = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            main = url.substring(0, hash);
        }
        Optional<String> egg = fragmentValue(fragment, "egg");
        Optional<String> subdirectory = fragmentValue(fragment, "subdirectory");
        int plus = main.indexOf('+');
        int scheme = main.indexOf("://");
        if (plus > 0 && scheme > plus && isVcs(main.substring(0, plus))) {
            String vcs = main.substring(0, plus).toLowerCase(java.util.Locale.ROOT);
            int pathStart = main.indexOf('/', scheme + 3);
            int at = pathStart < 0 ? -1 : main.lastIndexOf('@');
            Optional<String> revision = at > pathStart && pathStart >= 0 ? Optional.of(main.substring(at + 1)) : Optional.empty();
            return new DirectReference(url, Kind.VCS, Optional.of(vcs), revision, egg, subdirectory);
        }
        boolean path = main.startsWith("file:") || main.startsWith(".") || main.startsWith("/") || main.startsWith("~")
                || scheme < 0;
        return new DirectReference(url, path ? Kind.PATH : Kind.URL, Optional.empty(), Optional.empty(), egg, subdirectory);
    }

    private static boolean isVcs(String prefix) {
        return switch (prefix.toLowerCase(java.util.Locale.ROOT)) {
            case "git", "hg", "svn", "bzr" -> true;
            default -> false;
        };
    }

    private static Optional<String> fragmentValue(String fragment, String key) {
        for (String part : fragment.split("&")) {
            if (part.startsWith(key + "=") && part.length() > key.length() + 1) {
                return Optional.of(part.substring(key.length() + 1));
            }
        }
        return Optional.empty();
    }
}
