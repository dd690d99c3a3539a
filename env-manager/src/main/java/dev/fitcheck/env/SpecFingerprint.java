package dev.fitcheck.env;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a canonical text of the spec and the interpreter (its resolved file and version).
 * Anything that would change what gets installed changes the text; the file:line origins of
 * requirements do not (moving a line in requirements.txt keeps the environment).
 */
final class SpecFingerprint {

    /** Bump when the layout or contents of an environment change, so old ones are rebuilt. */
    private static final String FORMAT = "fitcheck-env/1";

    private SpecFingerprint() {
    }

    static String of(EnvironmentSpec spec) {
        StringBuilder sb = new StringBuilder(FORMAT).append('\n');
        PythonInterpreter p = spec.python().interpreter();
        sb.append("python ").append(p.realExecutable()).append(' ').append(p.implementation()).append(' ')
                .append(p.version()).append('\n');
        sb.append("installer ").append(spec.installer()).append('\n');
        spec.requirements().forEach(r -> sb.append("req ").append(r.text()).append('\n'));
        spec.constraints().forEach(r -> sb.append("constraint ").append(r.text()).append('\n'));
        spec.inherit().stream().sorted().forEach(n -> sb.append("inherit ").append(n).append('\n'));
        spec.excluded().forEach(n -> sb.append("exclude ").append(n).append('\n'));
        spec.index().installerArgs().forEach(a -> sb.append("index ").append(a).append('\n'));
        spec.locked().ifPresent(l -> l.installed().forEach(
                d -> sb.append("locked ").append(d.pin()).append(' ').append(d.digest()).append('\n')));
        return sha256(sb.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
