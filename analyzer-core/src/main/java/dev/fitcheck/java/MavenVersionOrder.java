package dev.fitcheck.java;

import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;
import org.eclipse.aether.version.VersionConstraint;

/**
 * Maven's own order of versions (Maven Resolver's {@link GenericVersionScheme}: what nearest-wins
 * and version ranges use), and the two questions fitcheck asks of a version string: is it a
 * pre-release, and which flavour of a library is it ({@code 33.0.0-jre} versus {@code 33.0.0-android}).
 */
public final class MavenVersionOrder implements Comparator<String> {

    private static final GenericVersionScheme SCHEME = new GenericVersionScheme();
    private static final Set<String> PRE_RELEASE = Set.of(
            "alpha", "beta", "milestone", "rc", "cr", "snapshot", "pre", "preview", "ea", "dev");
    /** {@code 1.0a1}, {@code 2.0-M3}, {@code 1.1b2}: a single-letter pre-release marker followed by a number. */
    private static final Pattern SHORT_MARKER = Pattern.compile("(?i)(?:^|[.\\-\\d])([abm])(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|\\d+");

    public static final MavenVersionOrder INSTANCE = new MavenVersionOrder();

    private MavenVersionOrder() {
    }

    public static Version parse(String version) {
        return Ecosystem.maven(version);
    }

    @Override
    public int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    public List<String> sorted(Collection<String> versions) {
        List<String> out = new ArrayList<>(versions);
        out.sort(this);
        return out;
    }

    /** Alpha, beta, milestone, release candidate, snapshot, preview or early access. */
    public static boolean isPreRelease(String version) {
        Matcher m = TOKEN.matcher(version);
        while (m.find()) {
            if (PRE_RELEASE.contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return SHORT_MARKER.matcher(version).find();
    }

    /**
     * The words of the qualifier that are neither numbers nor pre-release markers: {@code jre} for
     * {@code 33.0.0-jre} and {@code 33.0.0-rc1-jre}, {@code android} for {@code 32.1.3-android},
     * {@code ""} for {@code 20.0}. A project on one flavour does not move to another by upgrading.
     */
    public static String flavour(String version) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(version);
        while (m.find()) {
            String t = m.group().toLowerCase(Locale.ROOT);
            if (!Character.isDigit(t.charAt(0)) && !PRE_RELEASE.contains(t) && !(t.length() == 1 && "abm".contains(t))) {
                words.add(t);
            }
        }
        return String.join("-", words);
    }

    /** A Maven version range ({@code [20.0,22.0)}, {@code [1.0,)}) or one version, as a test on version strings. */
    public static Predicate<String> range(String spec, String what) {
        VersionConstraint c;
        try {
            c = SCHEME.parseVersionConstraint(spec);
        } catch (InvalidVersionSpecificationException e) {
            throw new InputError(what + ": expected a Maven version range such as [20.0,22.0) or a version, got '"
                    + spec + "'");
        }
        if (c.getRange() == null) {
            Version only = c.getVersion();
            return v -> parse(v).equals(only);
        }
        return v -> c.containsVersion(parse(v));
    }
}
