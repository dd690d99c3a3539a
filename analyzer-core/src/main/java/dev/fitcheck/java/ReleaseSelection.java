package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which releases of a dependency to check: {@code newer} (the resolved one and every later
 * release: where can this project go), {@code all}, or a Maven range ({@code [20.0,22.0]}). In
 * every case the resolved release is kept, pre-releases are dropped unless the resolved one is
 * one, and so are other flavours of the library ({@code -android} for a project on {@code -jre};
 * versions without a flavour stay, as older releases of a flavoured library have none).
 */
public record ReleaseSelection(String spec) {

    public static final ReleaseSelection NEWER = new ReleaseSelection("newer");
    public static final ReleaseSelection ALL = new ReleaseSelection("all");

    public static ReleaseSelection parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("newer") || lower.equals("all")) {
            return new ReleaseSelection(lower);
        }
        MavenVersionOrder.range(t, "--versions"); // fails with the user's sentence when malformed
        return new ReleaseSelection(t);
    }

    /** The releases to check, in Maven's order, among {@code released} for a project resolved at {@code resolved}. */
    public List<String> select(List<String> released, String resolved) {
        Predicate<String> inRange = switch (spec) {
            case "newer" -> v -> MavenVersionOrder.INSTANCE.compare(v, resolved) >= 0;
            case "all" -> v -> true;
            default -> MavenVersionOrder.range(spec, "--versions");
        };
        boolean preReleases = MavenVersionOrder.isPreRelease(resolved);
        String flavour = MavenVersionOrder.flavour(resolved);
        List<String> out = new ArrayList<>();
        for (String v : released) {
            if (v.equals(resolved)) {
                out.add(v);
                continue;
            }
            if (!inRange.test(v)) continue;
            if (!preReleases && MavenVersionOrder.isPreRelease(v)) continue;
            if (v.endsWith("-SNAPSHOT")) continue;
            String f = MavenVersionOrder.flavour(v);
            if (!f.isEmpty() && !f.equals(flavour)) continue;
            out.add(v);
        }
        if (!out.contains(resolved)) out.add(resolved);
        return MavenVersionOrder.INSTANCE.sorted(out);
    }
}
