package dev.fitcheck.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How an environment sees the packages it inherits from its base interpreter. A plain
 * installation is inherited the standard way, a venv with system site packages. A base that is
 * itself a venv (torch in /opt/torch/.venv) cannot be: a venv made from it takes the
 * installation below it as its base, which lacks torch. Then the environment gets a .pth file
 * that appends the base venv's site-packages to its path, after its own, so its own packages
 * still win.
 */
final class BaseInheritance {

    static final String PTH = "_fitcheck_inherit.pth";

    private BaseInheritance() {
    }

    /** Whether the venv is created with {@code --system-site-packages}. */
    static boolean systemSitePackages(EnvironmentSpec spec) {
        return spec.inheritsFromBase() && !spec.python().interpreter().virtualEnvironment();
    }

    /** After the venv exists: the .pth file for a base that is a venv; nothing otherwise. */
    static void link(EnvironmentSpec spec, Path envDir) throws IOException {
        if (!spec.inheritsFromBase() || !spec.python().interpreter().virtualEnvironment()) {
            return;
        }
        Path site = new VirtualEnvironment(envDir).sitePackages()
                .orElseThrow(() -> new IOException("the new environment " + envDir + " has no site-packages"));
        StringBuilder lines = new StringBuilder("# fitcheck: packages inherited from the base interpreter "
                + spec.python().interpreter().executable() + "\n");
        spec.python().interpreter().sitePackages().forEach(p -> lines.append(p).append('\n'));
        Files.writeString(site.resolve(PTH), lines.toString(), StandardCharsets.UTF_8);
    }
}
