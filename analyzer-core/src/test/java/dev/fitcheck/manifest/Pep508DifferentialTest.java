package dev.fitcheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.version.PackagingOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PEP 508 parser and marker evaluation against packaging as pip 26.3 vendors it: thousands of
 * generated requirements and markers (fixed seed), each parsed (or rejected) and each marker
 * evaluated on five machines, compared field by field.
 *
 * <p>One difference is by design: a comparison packaging can parse but never evaluate
 * ({@code os_name ~= "x"}) is rejected here when parsed, so "packaging raises on every machine"
 * must read "we reject".
 */
class Pep508DifferentialTest {

    private static final long SEED = 508L;
    private static final SourceLocation HERE = SourceLocation.of(Path.of("requirements.txt"), 1);

    private static final String[] VARIABLES = {"python_version", "python_full_version", "os_name", "os.name", "sys_platform",
        "sys.platform", "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "python_implementation", "implementation_name",
        "implementation_version", "extra", "extras", "dependency_groups"};
    private static final String[] OPS = {"==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in", "<", ">="};
    private static final String[] VALUES = {"3.8", "3.10", "3.12", "3.10.*", "3", "3.10.14", "2.7.18", "1.0+x", "5", "23",
        "10", "linux", "win32", "darwin", "Linux", "Windows", "Darwin", "x86_64", "AMD64", "arm64", "aarch64", "cpython",
        "CPython", "PyPy", "posix", "nt", "gpu", "GPU", "Flash_Attn", "x86_64 aarch64", "lin", "", "3.10a1", "#1 SMP"};
    private static final String[] NAMES = {"numpy", "Flash_Attn", "a", "A.b-c_d", "torch2", "1abc", "x-", "-x", "é", "z.",
        "ok_"};
    private static final String[] SPECS = {"", ">=1.0", "==2.3.1", ">=1.0,<2", "~=1.4.5", "==1.*", "!=1.5", ">=1.0 , <2",
        "===foo", "<1.0+x", ">=1.0.*", "~=1", "==1.0a1.*", "(>=1.0)", "( ==2.0 , !=2.0.1 )", "(>=1.0", ">=", ">>1",
        ">=1.0,", "==1.0+abc", ">= 1.0"};
    private static final String[] URLS = {"https://x.org/p-1.0.tar.gz", "git+https://github.com/o/r.git@v1#egg=r",
        "file:///tmp/p", "https://x.org/a;b", "./local"};

    private final Random random = new Random(SEED);

    @Test
    void agreesWithPipsPackagingOnRequirementsAndMarkers() throws Exception {
        List<MarkerEnvironment> machines = machines();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            markers.add(marker(random.nextInt(3)));
        }
        for (int i = 0; i < 200; i++) {
            markers.add(mutate(markers.get(random.nextInt(markers.size()))));
        }
        List<String> requirements = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            requirements.add(requirement());
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("versions", List.of());
        batch.put("sample", List.of());
        batch.put("specs", List.of());
        batch.put("filters", List.of());
        batch.put("requirements", requirements);
        batch.put("markers", markers);
        batch.put("environments", machines.stream().map(Pep508DifferentialTest::asPython).toList());
        JsonNode answers = PackagingOracle.ask(batch);

        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < markers.size(); i++) {
            String text = markers.get(i);
            JsonNode py = answers.get("markers").get(i);
            Marker ours = null;
            try {
                ours = Marker.parse(text);
            } catch (InvalidRequirementException e) {
                // compared below
            }
            counts.merge("markers", 1, Integer::sum);
            compareMarker("marker " + text, py.isNull() ? null : py.get(0).asText(), py.isNull() ? null : py.get(1).asText(),
                    ours, machines, mismatches, counts);
        }
        for (int i = 0; i < requirements.size(); i++) {
            String text = requirements.get(i);
            JsonNode py = answers.get("requirements").get(i);
            Requirement ours = null;
            try {
                ours = Requirement.parse(text, HERE);
            } catch (InvalidRequirementException e) {
                // compared below
            }
            counts.merge("requirements", 1, Integer::sum);
            if (py.isArray() && py.size() == 2 && "crash".equals(py.get(0).asText())) {
                mismatches.add("packaging crashed on " + text + ": " + py.get(1));
                continue;
            }
            String pyMarker = py.isNull() || py.get(4).isNull() ? null : py.get(4).asText();
            String pyEvals = py.isNull() ? null : py.get(5).asText();
            boolean pyEvaluable = pyEvals == null || pyEvals.isEmpty() || pyEvals.chars().anyMatch(c -> c != 'E');
            boolean pyAccepts = !py.isNull() && pyEvaluable;
            if (pyAccepts != (ours != null)) {
                mismatches.add("requirement " + quote(text) + ": packaging " + (py.isNull() ? "rejects" : pyEvaluable ? "accepts" : "accepts but cannot evaluate")
                        + ", we " + (ours == null ? "reject" : "accept as " + ours));
                continue;
            }
            if (ours == null) {
                continue;
            }
            counts.merge("valid requirements", 1, Integer::sum);
            List<String> extras = new ArrayList<>();
            py.get(1).forEach(e -> extras.add(e.asText()));
            same(mismatches, text, "name", py.get(0).asText(), ours.nameAsWritten());
            same(mismatches, text, "extras", extras, ours.extras());
            same(mismatches, text, "specifier", py.get(2).asText(), ours.specifier().toString());
            same(mismatches, text, "url", py.get(3).isNull() ? null : py.get(3).asText(), ours.reference().map(DirectReference::url).orElse(null));
            compareMarker("requirement " + text, pyMarker, pyEvals, ours.marker().orElse(null), machines, mismatches, counts);
        }
        System.out.println("PEP 508 differential against packaging " + PackagingOracle.PIP_VERSION + "'s vendored copy, seed " + SEED + ": " + counts);
        assertThat(mismatches).as("%d disagreements, first 30:%n%s", mismatches.size(),
                String.join("\n", mismatches.subList(0, Math.min(30, mismatches.size())))).isEmpty();
    }

    private static void compareMarker(String what, String pyText, String pyEvals, Marker ours, List<MarkerEnvironment> machines,
            List<String> mismatches, Map<String, Integer> counts) {
        boolean pyEvaluable = pyEvals == null || pyEvals.isEmpty() || pyEvals.chars().anyMatch(c -> c != 'E');
        boolean pyAccepts = pyText != null && pyEvaluable;
        if (ours == null || !pyAccepts) {
            if ((ours == null) == pyAccepts) {
                mismatches.add(quote(what) + ": packaging " + (pyText == null ? "has no marker or rejects it"
                        : pyEvaluable ? "accepts " + quote(pyText) : "accepts " + quote(pyText) + " but cannot evaluate it")
                        + ", we " + (ours == null ? "reject it" : "accept " + quote(ours.toString())));
            }
            return;
        }
        if (!pyText.equals(ours.toString())) {
            mismatches.add(quote(what) + ": str(marker) is " + quote(pyText) + " in packaging, " + quote(ours.toString()) + " here");
        }
        for (int m = 0; m < machines.size(); m++) {
            char expected = pyEvals.charAt(m);
            if (expected == 'E') {
                continue;
            }
            counts.merge("evaluations", 1, Integer::sum);
            boolean actual = ours.evaluate(machines.get(m));
            if (actual != (expected == 'T')) {
                mismatches.add(quote(what) + " on machine " + m + ": packaging " + (expected == 'T') + ", we " + actual);
            }
        }
    }

    private String marker(int depth) {
        if (depth > 0 && random.nextInt(3) > 0) {
            String left = marker(depth - 1);
            String right = marker(depth - 1);
            String join = random.nextBoolean() ? "and" : "or";
            String s = left + space(true) + join + space(true) + right;
            return random.nextInt(3) == 0 ? "(" + space(false) + s + space(false) + ")" : s;
        }
        String variable = VARIABLES[random.nextInt(VARIABLES.length)];
        String value = quote(VALUES[random.nextInt(VALUES.length)], random.nextBoolean() ? '"' : '\'');
        String op = OPS[random.nextInt(OPS.length)];
        boolean swap = random.nextInt(4) == 0;
        String lhs = swap ? value : variable;
        String rhs = swap ? variable : value;
        if (random.nextInt(40) == 0) {
            rhs = random.nextBoolean() ? VARIABLES[random.nextInt(VARIABLES.length)] : value;
        }
        boolean wordOp = op.equals("in") || op.equals("not in");
        return lhs + space(wordOp) + op + space(wordOp) + rhs;
    }

    private String requirement() {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(10) == 0) {
            b.append(' ');
        }
        b.append(NAMES[random.nextInt(NAMES.length)]);
        if (random.nextInt(4) == 0) {
            b.append(space(false)).append('[');
            int n = random.nextInt(3);
            for (int k = 0; k < n; k++) {
                b.append(k > 0 ? space(false) + "," + space(false) : "").append(NAMES[random.nextInt(NAMES.length)]);
            }
            b.append(random.nextInt(20) == 0 ? "" : "]");
        }
        if (random.nextInt(6) == 0) {
            b.append(space(false)).append('@').append(space(false)).append(URLS[random.nextInt(URLS.length)]);
            if (random.nextInt(3) == 0) {
                b.append(random.nextInt(6) == 0 ? "" : " ").append(";").append(space(false)).append(marker(1));
            }
        } else {
            b.append(space(false)).append(SPECS[random.nextInt(SPECS.length)]);
            if (random.nextInt(3) == 0) {
                b.append(space(false)).append(random.nextInt(15) == 0 ? "" : ";").append(space(false)).append(marker(1));
            }
        }
        return random.nextInt(12) == 0 ? mutate(b.toString()) : b.toString();
    }

    private String mutate(String s) {
        StringBuilder b = new StringBuilder(s);
        int at = random.nextInt(b.length() + 1);
        String[] junk = {"(", ")", "'", "\"", ";", ",", " ", "and", "not", "[", "]", "@", "=", "\\"};
        if (random.nextBoolean() || b.length() == 0) {
            b.insert(at, junk[random.nextInt(junk.length)]);
        } else if (at < b.length()) {
            b.deleteCharAt(at);
        }
        return b.toString();
    }

    private String space(boolean required) {
        int r = random.nextInt(6);
        String s = r == 0 ? "\t" : r == 1 ? "  " : " ";
        return required || random.nextBoolean() ? s : "";
    }

    private static String quote(String value, char q) {
        return value.indexOf(q) >= 0 ? "'" + value + "'" : q + value + q;
    }

    private static List<MarkerEnvironment> machines() {
        MarkerEnvironment windows = new MarkerEnvironment("cpython", "3.11.9", "nt", "AMD64", "CPython", "10", "Windows",
                "10.0.19041", "3.11.9", "3.11", "win32", Set.of());
        MarkerEnvironment mac = new MarkerEnvironment("pypy", "7.3.13", "posix", "arm64", "PyPy", "23.1.0", "Darwin",
                "Darwin Kernel Version 23.1.0", "3.10.13", "3.10", "darwin", Set.of("gpu"));
        MarkerEnvironment oldLinux = new MarkerEnvironment("cpython", "3.8.18", "posix", "aarch64", "CPython",
                "5.15.0-1051-aws", "Linux", "#59-Ubuntu SMP", "3.8.18", "3.8", "linux", Set.of("Flash_Attn"));
        return List.of(MarkerEnvironment.linuxCpython("3.10"), MarkerEnvironment.linuxCpython("3.12.1"), windows, mac, oldLinux);
    }

    private static Map<String, String> asPython(MarkerEnvironment e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("implementation_name", e.implementationName());
        m.put("implementation_version", e.implementationVersion());
        m.put("os_name", e.osName());
        m.put("platform_machine", e.platformMachine());
        m.put("platform_python_implementation", e.platformPythonImplementation());
        m.put("platform_release", e.platformRelease());
        m.put("platform_system", e.platformSystem());
        m.put("platform_version", e.platformVersion());
        m.put("python_full_version", e.pythonFullVersion());
        m.put("python_version", e.pythonVersion());
        m.put("sys_platform", e.sysPlatform());
        m.put("extra", e.extras().isEmpty() ? "" : e.extras().iterator().next());
        return m;
    }

    private static void same(List<String> mismatches, String input, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            mismatches.add(what + " of " + quote(input) + ": packaging " + expected + ", we " + actual);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\t", "\\t") + "\"";
    }
}
