package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.List;

/**
 * A Python interpreter as it described itself: the path it was found at, the file that path
 * resolves to, its full version, the site-packages directories it imports from (where inherited
 * packages such as torch live), and whether it is itself a virtual environment (GPU images often
 * keep torch in one, such as /opt/torch/.venv).
 */
public record PythonInterpreter(Path executable, Path realExecutable, String version, String implementation,
        List<Path> sitePackages, boolean virtualEnvironment) {

    public PythonInterpreter {
        sitePackages = List.copyOf(sitePackages);
    }

    /** "3.11" of "3.11.7". */
    public String minorVersion() {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    public String display() {
        return implementation + " " + version + " (" + executable + ")";
    }
}
