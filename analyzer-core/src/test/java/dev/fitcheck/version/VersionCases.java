package dev.fitcheck.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the differential test's inputs from one seed: versions in every PEP 440 spelling (and
 * broken ones), specifiers with every operator, a sample of versions placed around the specifiers'
 * bounds, and lists to filter. Real releases of a few packages are mixed in.
 */
final class VersionCases {

    /** What goes to the oracle; field names are the JSON keys it reads. */
    record Batch(List<String> versions, List<Integer> sample, List<String> specs, List<List<Object>> filters) {
    }

    private static final String[] PRE = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "RC", "Alpha",
        "PREVIEW", "Beta", "C"};
    private static final String[] POST = {"post", "rev", "r", "POST", "Rev", "R"};
    private static final String[] DEV = {"dev", "DEV", "Dev"};
    private static final String[] SEPARATORS = {"", "", "", "", ".", "-", "_"};
    private static final String[] SPACES = {" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003", "\u001c",
        "\u0085", "\u000b", "\u202f"};
    private static final String[] HUGE = {"9223372036854775807", "9223372036854775808", "18446744073709551616",
        "123456789012345678901234567890", "00000000000000000000000000000000000001"};
    private static final String[] JUNK = {".", "-", "_", "+", "!", "*", " ", "a", "z", "x", "1", "0", "v", "é",
        "\u212a", "\u0661", ",", "=", ";", ")", "..", "+-", "!1", ".*", "dev", "post", "rc"};
    private static final String[] BROKEN = {"", " ", "v", "V", "1.", ".1", "1..2", "1.0+", "+abc", "1.0+a..b",
        "1.0+a_", "1.0.", "1.0a1a2", "1.0-dev-", "dev", "1.0 1", "1!2!3", "1!", "!1", "1.0+a b", "\u0661.\u0660",
        "1.0\u212a", "1.0+\u212a", "1.0-", "1.0_", "1.0.post.dev.", "1.0-post-1-dev-1", "1.0a.", "1.0.a.1",
        "1.0.dev.1", "1.0-1-1", "1.0.r", "1.0re", "1.0prev", "1.0alph", "01.02.03", "vv1.0", "1.0v", "1.0.*",
        "1.0+ab.", "1.0+.ab", "1.0++ab", "1_0", "1-0", "1.0.post-1", "1.0-a1", "1.0a-1", "1.0rc-", "0x10", "1e3",
        "1,0", "\u00a0", "1.0\u200b", "\ufeff1.0", "1.0\u00a0\u00a0", "1.0a1.post2.dev3+ubuntu-14.04", "1!2.0-RC-3"};
    private static final String[] OPERATORS = {"==", "==", "!=", "<=", ">=", ">=", "<", "<", ">", "~=", "~=", "==="};
    private static final String[] BROKEN_SPECS = {"foo", ">=", "1.0", ">=1.0 <2", "=>1.0", "= 1.0", "=1.0",
        "~1.0", "^1.0", ">=1.0.*", "~=1", "~=1.*", "<1.0+local", "<=1.0+x", ">1.0+x", "~=1.0+x", "==1.0a1.*",
        "==1.0.*.*", "== =1.0", "===", "=== ", "===a b", "===a;b", "===a)", ">==1.0", "!==1.0", "<>1.0",
        ">= 1.0 ,, <2", ",", " , ,", "", ">=1.0;python_version<'3'", "(>=1.0)", "== 1.0.* ", "==1.*.0",
        "!=1.0.0.*", ">=v1.0", "==V1.0.POST1", "~= 1.4.5", "=== 1.0", "<=\u00a01.0", "\u30001.0"};

    private final Random random;

    VersionCases(long seed) {
        this.random = new Random(seed);
    }

    Batch generate(int generatedVersions, int brokenVersions, int specCount, int sampleSize, int filterCount)
            throws IOException {
        List<String> versions = new ArrayList<>();
        List<String> real = realWorldVersions();
        versions.addAll(real);
        for (int i = 0; i < generatedVersions; i++) {
            versions.add(version(true));
        }
        for (String b : BROKEN) {
            versions.add(b);
        }
        for (int i = 0; i < brokenVersions; i++) {
            versions.add(mutate(version(true)));
        }
        List<String> specs = new ArrayList<>();
        for (String b : BROKEN_SPECS) {
            specs.add(b);
        }
        for (int i = 0; i < specCount; i++) {
            specs.add(specifierSet(real));
        }

        // the sample: versions close to the specifiers' bounds, real releases, and random ones
        Set<String> sample = new LinkedHashSet<>();
        List<String> bases = new ArrayList<>();
        for (String s : specs) {
            for (String piece : s.split(",")) {
                Specifier.tryParse(piece).flatMap(Specifier::parsedVersion).ifPresent(v -> bases.add(v.baseVersion().toString()));
            }
        }
        while (sample.size() < sampleSize * 6 / 10 && !bases.isEmpty()) {
            sample.add(neighbour(bases.get(random.nextInt(bases.size()))));
        }
        List<String> realValid = real.stream().filter(v -> Version.tryParse(v).isPresent()).toList();
        while (sample.size() < sampleSize * 8 / 10) {
            sample.add(realValid.get(random.nextInt(realValid.size())));
        }
        while (sample.size() < sampleSize) {
            String v = version(false);
            if (Version.tryParse(v).isPresent()) {
                sample.add(v);
            }
        }
        List<Integer> sampleIndices = new ArrayList<>();
        for (String v : sample) {
            sampleIndices.add(versions.size());
            versions.add(v);
        }

        List<List<Object>> filters = new ArrayList<>();
        for (int i = 0; i < filterCount; i++) {
            int spec = random.nextInt(specs.size());
            if (!parses(specs.get(spec))) {
                continue;
            }
            List<Integer> list = new ArrayList<>();
            int n = random.nextInt(16);
            boolean onlyPre = random.nextInt(4) == 0;
            for (int k = 0; k < n; k++) {
                int idx = sampleIndices.get(random.nextInt(sampleIndices.size()));
                if (onlyPre && !Version.tryParse(versions.get(idx)).map(Version::isPrerelease).orElse(false)) {
                    continue;
                }
                list.add(idx);
            }
            filters.add(List.of(spec, list));
        }
        return new Batch(versions, sampleIndices, specs, filters);
    }

    private static boolean parses(String specs) {
        try {
            SpecifierSet.parse(specs);
            return true;
        } catch (InvalidSpecifierException e) {
            return false;
        }
    }

    /** A version in some PEP 440 spelling; {@code small} keeps numbers low so that versions collide with bounds. */
    String version(boolean anySize) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(20) == 0) {
            b.append(random.nextBoolean() ? "v" : "V");
        }
        if (random.nextInt(12) == 0) {
            b.append(number(anySize)).append('!');
        }
        b.append(release(1 + weighted(new int[] {25, 35, 30, 7, 3}), anySize));
        if (random.nextInt(4) == 0) {
            b.append(pick(SEPARATORS)).append(pick(PRE)).append(pick(SEPARATORS));
            if (random.nextInt(4) != 0) {
                b.append(number(anySize));
            }
        }
        if (random.nextInt(5) == 0) {
            if (random.nextInt(4) == 0) {
                b.append('-').append(number(anySize));
            } else {
                b.append(pick(SEPARATORS)).append(pick(POST)).append(pick(SEPARATORS));
                if (random.nextInt(4) != 0) {
                    b.append(number(anySize));
                }
            }
        }
        if (random.nextInt(5) == 0) {
            b.append(pick(SEPARATORS)).append(pick(DEV)).append(pick(SEPARATORS));
            if (random.nextInt(4) != 0) {
                b.append(number(anySize));
            }
        }
        if (random.nextInt(7) == 0) {
            b.append('+').append(local());
        }
        if (anySize && random.nextInt(15) == 0) {
            b.insert(0, pick(SPACES));
        }
        if (anySize && random.nextInt(15) == 0) {
            b.append(pick(SPACES));
        }
        return b.toString();
    }

    private String release(int segments, boolean anySize) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(number(anySize));
        }
        return b.toString();
    }

    private String number(boolean anySize) {
        int r = random.nextInt(100);
        if (r < 60 || !anySize) {
            return Integer.toString(random.nextInt(4));
        }
        if (r < 85) {
            return Integer.toString(random.nextInt(25));
        }
        if (r < 92) {
            return "0" + random.nextInt(10);
        }
        if (r < 94) {
            return "00";
        }
        if (r < 97) {
            return pick(HUGE);
        }
        StringBuilder b = new StringBuilder();
        int digits = 19 + random.nextInt(30);
        b.append(1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    private String local() {
        String[] parts = {"ubuntu", "cu121", "cpu", "abc", "ABC", "g1234abc", "14", "04", "0", "1a", "a1", "rocm6", "x",
            "Zz9", "dirty"};
        StringBuilder b = new StringBuilder(pick(parts));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            b.append(pick(new String[] {".", "-", "_"})).append(pick(parts));
        }
        return b.toString();
    }

    private String mutate(String v) {
        StringBuilder b = new StringBuilder(v);
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, pick(JUNK));
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.replace(at, at + 1, pick(JUNK));
                    }
                }
            }
        }
        return b.toString();
    }

    /** Versions around {@code base}: its pre-, post-, dev- and local neighbours and the next releases. */
    private String neighbour(String base) {
        String[] suffixes = {"", ".0", ".0.0", ".dev0", ".dev1", "a0.dev0", "a0", "a1", "a1.post0", "a2.dev0", "b2",
            "rc1", "rc1.post1", "rc1.post1.dev0", ".post0.dev0", ".post0", ".post1", ".post1.dev0", ".post2",
            "+local", "+0", "+abc.1", ".post1+x", ".1", ".0.1", ".1.dev0", ".1a1", ".9", ".0.0.1.dev0",
            "a1+x", ".dev0+x", ".post0.dev0+x"};
        if (random.nextInt(8) == 0) {
            // the next release of base's prefix, where wildcard and ~= ranges end
            Version v = Version.parse(base);
            List<java.math.BigInteger> r = new ArrayList<>(v.release());
            int i = random.nextInt(r.size());
            List<java.math.BigInteger> next = new ArrayList<>(r.subList(0, i + 1));
            next.set(i, next.get(i).add(java.math.BigInteger.ONE));
            StringBuilder b = new StringBuilder();
            if (v.epoch().signum() != 0) {
                b.append(v.epoch()).append('!');
            }
            for (int k = 0; k < next.size(); k++) {
                b.append(k > 0 ? "." : "").append(next.get(k));
            }
            return b + pick(new String[] {"", ".dev0", "a1", ".post1", "+x"});
        }
        if (random.nextInt(10) == 0) {
            String prev = base.replaceFirst("\\d+$", "");
            return prev.isEmpty() || prev.endsWith("!") ? base : prev + "99";
        }
        return base + pick(suffixes);
    }

    private String specifierSet(List<String> real) {
        if (random.nextInt(30) == 0) {
            return pick(new String[] {"", " ", ",", " , "});
        }
        int n = 1 + weighted(new int[] {55, 35, 10});
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(random.nextInt(4) == 0 ? " , " : ",");
            }
            b.append(specifier(real));
        }
        if (random.nextInt(25) == 0) {
            b.append(',');
        }
        return b.toString();
    }

    private String specifier(List<String> real) {
        String op = pick(OPERATORS);
        String space = random.nextInt(6) == 0 ? pick(SPACES) : "";
        String lead = random.nextInt(12) == 0 ? pick(SPACES) : "";
        String v;
        if (random.nextInt(8) == 0) {
            v = real.get(random.nextInt(real.size()));
            if (op.equals("===") && random.nextBoolean()) {
                v = v.toUpperCase(java.util.Locale.ROOT);
            }
        } else if (op.equals("===")) {
            v = switch (random.nextInt(6)) {
                case 0 -> pick(new String[] {"foobar", "1.0-custom", "2013b", "1.0+\u212a", "1.0;x", "1.0 1"});
                case 1 -> Version.tryParse(version(false)).map(Version::toString).orElse("1.0");
                default -> version(false);
            };
        } else if ((op.equals("==") || op.equals("!=")) && random.nextInt(4) == 0) {
            v = (random.nextInt(12) == 0 ? "1!" : "") + release(1 + random.nextInt(3), false) + ".*";
        } else if (op.equals("~=")) {
            v = release(random.nextInt(12) == 0 ? 1 : 2 + random.nextInt(3), false);
            if (random.nextInt(4) == 0) {
                v += pick(new String[] {"a1", "rc2", ".post1", ".dev0", "b1.dev2", "+x"});
            }
        } else {
            v = version(false);
            if (v.contains("+") && !op.equals("==") && !op.equals("!=") && random.nextInt(3) != 0) {
                v = v.substring(0, v.indexOf('+'));
            }
        }
        return lead + op + space + v + (random.nextInt(15) == 0 ? pick(SPACES) : "");
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    static List<String> realWorldVersions() throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                VersionCases.class.getResourceAsStream("real-world-versions.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
        }
        return out;
    }
}
