package dev.fitcheck.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every parse, comparison, membership and filter of this package against Python's packaging as pip
 * 26.3 vendors it, over thousands of generated and real-world versions and specifiers (fixed seed).
 * Set algebra and the readable form are checked against the same answers: membership of an
 * intersection must be the AND of packaging's memberships, and so on.
 */
class PackagingDifferentialTest {

    private static final long SEED = 20261126L;
    private static final int SHOWN = 40;

    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, Integer> counts = new java.util.LinkedHashMap<>();

    @Test
    void agreesWithPipsPackagingOnEveryCase() throws Exception {
        VersionCases.Batch batch = new VersionCases(SEED).generate(2500, 700, 1500, 500, 800);
        JsonNode answers = PackagingOracle.ask(batch);

        List<Version> sample = checkVersions(batch, answers.get("versions"));
        checkComparisons(sample, answers.get("compare").asText());
        List<SpecifierSet> sets = checkSpecifierSets(batch, answers.get("specs"));
        List<boolean[]> truth = checkMemberships(sets, sample, answers.get("contains"), answers.get("single"));
        checkFilters(batch, sets, answers.get("filters"));
        checkAlgebra(sets, sample, truth);
        checkReadableForms(sets, sample, truth);

        System.out.println("PEP 440 differential against packaging " + answers.get("packaging").asText()
                + " (pip " + PackagingOracle.PIP_VERSION + "), seed " + SEED + ": " + counts);
        assertThat(mismatches).as("%d disagreements with packaging, first %d:%n%s", mismatches.size(), SHOWN,
                String.join("\n", mismatches.subList(0, Math.min(SHOWN, mismatches.size())))).isEmpty();
    }

    private List<Version> checkVersions(VersionCases.Batch batch, JsonNode answers) {
        List<Version> parsed = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < batch.versions().size(); i++) {
            String text = batch.versions().get(i);
            JsonNode py = answers.get(i);
            Version v = Version.tryParse(text).orElse(null);
            parsed.add(v);
            count("version parses");
            if (py.isArray() && py.size() == 2 && "crash".equals(py.get(0).asText())) {
                mismatch("packaging crashed on version " + quote(text) + ": " + py.get(1).asText());
                continue;
            }
            if (py.isNull() != (v == null)) {
                mismatch("parse " + quote(text) + ": packaging " + (py.isNull() ? "rejects" : "gives " + py.get(0).asText())
                        + ", we " + (v == null ? "reject" : "give " + v));
                continue;
            }
            if (v == null) {
                assertRejectionExplains(text);
                continue;
            }
            valid++;
            List<String> release = new ArrayList<>();
            v.release().forEach(n -> release.add(n.toString()));
            List<String> pyRelease = new ArrayList<>();
            py.get(2).forEach(n -> pyRelease.add(n.asText()));
            String pyPre = py.get(3).isNull() ? null : py.get(3).get(0).asText() + py.get(3).get(1).asText();
            same(text, "str", py.get(0).asText(), v.toString());
            same(text, "epoch", py.get(1).asText(), v.epoch().toString());
            same(text, "release", pyRelease, release);
            same(text, "pre", pyPre, v.pre().map(Object::toString).orElse(null));
            same(text, "post", textOrNull(py.get(4)), v.post().map(Object::toString).orElse(null));
            same(text, "dev", textOrNull(py.get(5)), v.dev().map(Object::toString).orElse(null));
            same(text, "local", textOrNull(py.get(6)), v.local().orElse(null));
            same(text, "public", py.get(7).asText(), v.publicVersion().toString());
            same(text, "base_version", py.get(8).asText(), v.baseVersion().toString());
            same(text, "is_prerelease", py.get(9).asBoolean(), v.isPrerelease());
            same(text, "is_postrelease", py.get(10).asBoolean(), v.isPostRelease());
            same(text, "is_devrelease", py.get(11).asBoolean(), v.isDevRelease());
            same(text, "round trip", v, Version.parse(v.toString()));
        }
        counts.put("valid versions", valid);
        List<Version> sample = new ArrayList<>();
        for (int index : batch.sample()) {
            sample.add(parsed.get(index));
        }
        return sample;
    }

    private void assertRejectionExplains(String text) {
        try {
            Version.parse(text);
            mismatch("tryParse rejected " + quote(text) + " but parse accepted it");
        } catch (InvalidVersionException e) {
            if (e.getMessage() == null || !e.getMessage().contains("not a PEP 440 version")) {
                mismatch("rejection of " + quote(text) + " does not explain itself: " + e.getMessage());
            }
        }
    }

    private void checkComparisons(List<Version> sample, String py) {
        int k = 0;
        for (int i = 0; i < sample.size(); i++) {
            for (int j = i + 1; j < sample.size(); j++, k++) {
                Version a = sample.get(i);
                Version b = sample.get(j);
                char expected = py.charAt(k);
                if (a == null || b == null || expected == 'x') {
                    continue;
                }
                count("comparisons");
                int c = a.compareTo(b);
                char actual = c < 0 ? '<' : c == 0 ? '=' : '>';
                if (actual != expected) {
                    mismatch("compare " + a + " " + expected + " " + b + " in packaging, we say " + actual);
                }
                if ((c == 0) != a.equals(b) || (c == 0 && a.hashCode() != b.hashCode()) || Integer.signum(b.compareTo(a)) != -Integer.signum(c)) {
                    mismatch("equals/hashCode/compareTo disagree for " + a + " and " + b);
                }
            }
        }
    }

    private List<SpecifierSet> checkSpecifierSets(VersionCases.Batch batch, JsonNode answers) {
        List<SpecifierSet> sets = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < batch.specs().size(); i++) {
            String text = batch.specs().get(i);
            JsonNode py = answers.get(i);
            count("specifier set parses");
            SpecifierSet s;
            try {
                s = SpecifierSet.parse(text);
            } catch (InvalidSpecifierException e) {
                s = null;
                if (e.getMessage() == null || !e.getMessage().startsWith("invalid version specifier")) {
                    mismatch("rejection of " + quote(text) + " does not explain itself: " + e.getMessage());
                }
            }
            sets.add(s);
            if (py.isArray() && "crash".equals(py.get(0).asText())) {
                mismatch("packaging crashed on specifier " + quote(text) + ": " + py.get(1).asText());
                continue;
            }
            if (py.isNull() != (s == null)) {
                mismatch("parse specifier " + quote(text) + ": packaging " + (py.isNull() ? "rejects" : "accepts as " + py.get(0).asText())
                        + ", we " + (s == null ? "reject" : "accept as " + s));
                continue;
            }
            if (s == null) {
                continue;
            }
            valid++;
            same(text, "str(SpecifierSet)", py.get(0).asText(), s.toString());
            same(text, "SpecifierSet.prereleases", py.get(1).asText(), tri(s.impliesPrereleases()));
        }
        counts.put("valid specifier sets", valid);
        return sets;
    }

    /** Returns, per specifier set, packaging's contains(v, prereleases=True) over the sample. */
    private List<boolean[]> checkMemberships(List<SpecifierSet> sets, List<Version> sample, JsonNode contains, JsonNode single) {
        List<boolean[]> truth = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            SpecifierSet s = sets.get(i);
            JsonNode py = contains.get(i);
            if (s == null || py.isNull()) {
                truth.add(null);
                continue;
            }
            String digits = py.asText();
            boolean[] members = new boolean[sample.size()];
            VersionSet set = s.toVersionSet();
            Specifier one = s.specifiers().size() == 1 ? s.specifiers().get(0) : null;
            String oneDigits = single.get(i).isNull() ? null : single.get(i).get(1).asText();
            if (one != null && oneDigits != null) {
                same(s.toString(), "Specifier.prereleases", single.get(i).get(0).asText(), tri(one.impliesPrereleases()));
            }
            for (int k = 0; k < sample.size(); k++) {
                Version v = sample.get(k);
                if (v == null || digits.charAt(k) == 'x') {
                    continue;
                }
                int bits = digits.charAt(k) - '0';
                members[k] = (bits & 2) != 0;
                memberAgrees(s, v, "contains(v)", (bits & 1) != 0, s.contains(v));
                memberAgrees(s, v, "contains(v, True)", (bits & 2) != 0, s.contains(v, true));
                memberAgrees(s, v, "contains(v, False)", (bits & 4) != 0, s.contains(v, false));
                memberAgrees(s, v, "toVersionSet().contains(v) vs contains(v, True)", (bits & 2) != 0, set.contains(v));
                count("memberships");
                if (one != null && oneDigits != null) {
                    int oneBits = oneDigits.charAt(k) - '0';
                    memberAgrees(s, v, "Specifier.contains(v)", (oneBits & 1) != 0, one.contains(v));
                    memberAgrees(s, v, "Specifier.contains(v, True)", (oneBits & 2) != 0, one.contains(v, true));
                    memberAgrees(s, v, "Specifier.contains(v, False)", (oneBits & 4) != 0, one.contains(v, false));
                }
            }
            truth.add(members);
        }
        return truth;
    }

    private void memberAgrees(SpecifierSet s, Version v, String what, boolean expected, boolean actual) {
        count("membership checks");
        if (expected != actual) {
            mismatch(what + " for " + quote(s.toString()) + " and " + v + ": packaging " + expected + ", we " + actual
                    + " (our set: " + s.toVersionSet() + ")");
        }
    }

    private void checkFilters(VersionCases.Batch batch, List<SpecifierSet> sets, JsonNode answers) {
        for (int f = 0; f < batch.filters().size(); f++) {
            int specIndex = (Integer) batch.filters().get(f).get(0);
            @SuppressWarnings("unchecked")
            List<Integer> indices = (List<Integer>) batch.filters().get(f).get(1);
            SpecifierSet s = sets.get(specIndex);
            JsonNode py = answers.get(f);
            if (s == null || py.isNull()) {
                continue;
            }
            List<Version> items = new ArrayList<>();
            Map<Version, Integer> indexOf = new IdentityHashMap<>();
            for (int index : indices) {
                Version v = Version.tryParse(batch.versions().get(index)).orElse(null);
                if (v != null) {
                    items.add(v);
                    indexOf.put(v, index);
                }
            }
            Boolean[] modes = {null, true, false};
            for (int m = 0; m < 3; m++) {
                List<Integer> expected = new ArrayList<>();
                py.get(m).forEach(n -> expected.add(n.asInt()));
                List<Integer> actual = new ArrayList<>();
                List<Version> kept = modes[m] == null ? s.filter(items) : s.filter(items, modes[m]);
                kept.forEach(v -> actual.add(indexOf.get(v)));
                count("filters");
                if (!expected.equals(actual)) {
                    mismatch("filter(prereleases=" + modes[m] + ") with " + quote(s.toString()) + " over " + items
                            + ": packaging keeps " + versionsAt(batch, expected) + ", we keep " + kept);
                }
            }
        }
    }

    private void checkAlgebra(List<SpecifierSet> sets, List<Version> sample, List<boolean[]> truth) {
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            if (truth.get(i) != null) {
                valid.add(i);
            }
        }
        Random random = new Random(SEED);
        for (int n = 0; n < 2000; n++) {
            int i = valid.get(random.nextInt(valid.size()));
            int j = valid.get(random.nextInt(valid.size()));
            VersionSet a = sets.get(i).toVersionSet();
            VersionSet b = sets.get(j).toVersionSet();
            boolean[] ta = truth.get(i);
            boolean[] tb = truth.get(j);
            VersionSet and = a.intersect(b);
            VersionSet or = a.union(b);
            VersionSet not = a.complement();
            VersionSet minus = a.minus(b);
            count("set operations");
            boolean anyAnd = false;
            for (int k = 0; k < sample.size(); k++) {
                Version v = sample.get(k);
                if (v == null) {
                    continue;
                }
                anyAnd |= ta[k] && tb[k];
                algebraAgrees(a, b, "intersect", v, ta[k] && tb[k], and.contains(v));
                algebraAgrees(a, b, "union", v, ta[k] || tb[k], or.contains(v));
                algebraAgrees(a, b, "complement", v, !ta[k], not.contains(v));
                algebraAgrees(a, b, "minus", v, ta[k] && !tb[k], minus.contains(v));
            }
            if (anyAnd && and.isEmpty()) {
                mismatch("intersect of " + a + " and " + b + " is empty but packaging finds a common member");
            }
            if (!not.complement().equals(a) || !a.intersect(not).isEmpty() || !a.union(not).isAll()
                    || !a.intersect(b).equals(b.intersect(a)) || !a.union(b).equals(b.union(a))) {
                mismatch("set laws fail for " + a + " and " + b);
            }
        }
    }

    private void algebraAgrees(VersionSet a, VersionSet b, String op, Version v, boolean expected, boolean actual) {
        count("set operation memberships");
        if (expected != actual) {
            mismatch(op + " of " + a + " and " + b + " at " + v + ": packaging's memberships say " + expected + ", we say " + actual);
        }
    }

    /** Where a set's readable form parses back as specifiers, it must mean the same versions. */
    private void checkReadableForms(List<SpecifierSet> sets, List<Version> sample, List<boolean[]> truth) {
        for (int i = 0; i < sets.size(); i++) {
            if (truth.get(i) == null) {
                continue;
            }
            VersionSet set = sets.get(i).toVersionSet();
            String text = set.toString();
            VersionSet back = reparse(text);
            count("readable forms");
            if (back == null) {
                count("readable forms in words");
                continue;
            }
            if (!back.equals(set)) {
                mismatch("readable form " + quote(text) + " of " + quote(sets.get(i).toString()) + " reads back as " + back);
            }
            for (int k = 0; k < sample.size(); k++) {
                if (sample.get(k) != null && back.contains(sample.get(k)) != truth.get(i)[k]) {
                    mismatch("readable form " + quote(text) + " of " + quote(sets.get(i).toString()) + " differs at " + sample.get(k));
                    break;
                }
            }
        }
    }

    static VersionSet reparse(String text) {
        if (text.equals("none")) {
            return VersionSet.none();
        }
        if (text.equals("any")) {
            return VersionSet.all();
        }
        VersionSet out = VersionSet.none();
        for (String group : text.split(" \\|\\| ")) {
            try {
                out = out.union(SpecifierSet.parse(group).toVersionSet());
            } catch (InvalidSpecifierException e) {
                return null;
            }
        }
        return out;
    }

    private static String versionsAt(VersionCases.Batch batch, List<Integer> indices) {
        List<String> out = new ArrayList<>();
        indices.forEach(i -> out.add(Version.parse(batch.versions().get(i)).toString()));
        return out.toString();
    }

    private void same(String input, String what, Object expected, Object actual) {
        count("attribute checks");
        if (!Objects.equals(expected, actual)) {
            mismatch(what + " of " + quote(input) + ": packaging " + expected + ", we " + actual);
        }
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    private void mismatch(String what) {
        mismatches.add(what);
    }

    private static String textOrNull(JsonNode n) {
        return n.isNull() ? null : n.asText();
    }

    private static String tri(Boolean b) {
        return b == null ? "N" : b ? "T" : "F";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < ' ' || c > '~') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
