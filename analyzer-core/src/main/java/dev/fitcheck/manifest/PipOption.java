package dev.fitcheck.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code pip install} fitcheck understands, and where each may appear: on a
 * requirements-file line of its own, after a requirement on its line, or only on the command line.
 */
enum PipOption {
    REQUIREMENT("-r", "--requirement", true, Scope.FILE),
    CONSTRAINT("-c", "--constraint", true, Scope.FILE),
    EDITABLE("-e", "--editable", true, Scope.FILE),
    INDEX_URL("-i", "--index-url", true, Scope.FILE),
    EXTRA_INDEX_URL(null, "--extra-index-url", true, Scope.FILE),
    FIND_LINKS("-f", "--find-links", true, Scope.FILE),
    NO_INDEX(null, "--no-index", false, Scope.FILE),
    PRE(null, "--pre", false, Scope.FILE),
    TRUSTED_HOST(null, "--trusted-host", true, Scope.FILE),
    NO_BINARY(null, "--no-binary", true, Scope.FILE),
    ONLY_BINARY(null, "--only-binary", true, Scope.FILE),
    PREFER_BINARY(null, "--prefer-binary", false, Scope.FILE),
    REQUIRE_HASHES(null, "--require-hashes", false, Scope.FILE),
    USE_FEATURE(null, "--use-feature", true, Scope.FILE),
    HASH(null, "--hash", true, Scope.REQUIREMENT),
    CONFIG_SETTINGS("-C", "--config-settings", true, Scope.REQUIREMENT),
    GLOBAL_OPTION(null, "--global-option", true, Scope.REQUIREMENT),
    UPGRADE("-U", "--upgrade", false, Scope.COMMAND),
    NO_BUILD_ISOLATION(null, "--no-build-isolation", false, Scope.COMMAND),
    NO_DEPS(null, "--no-deps", false, Scope.COMMAND),
    USER(null, "--user", false, Scope.COMMAND),
    FORCE_REINSTALL(null, "--force-reinstall", false, Scope.COMMAND),
    IGNORE_INSTALLED("-I", "--ignore-installed", false, Scope.COMMAND),
    NO_CACHE_DIR(null, "--no-cache-dir", false, Scope.COMMAND),
    QUIET("-q", "--quiet", false, Scope.COMMAND),
    VERBOSE("-v", "--verbose", false, Scope.COMMAND),
    TARGET("-t", "--target", true, Scope.COMMAND),
    PREFIX(null, "--prefix", true, Scope.COMMAND),
    ROOT(null, "--root", true, Scope.COMMAND),
    UPGRADE_STRATEGY(null, "--upgrade-strategy", true, Scope.COMMAND),
    SRC(null, "--src", true, Scope.COMMAND),
    PLATFORM(null, "--platform", true, Scope.COMMAND),
    PYTHON_VERSION(null, "--python-version", true, Scope.COMMAND),
    IMPLEMENTATION(null, "--implementation", true, Scope.COMMAND),
    ABI(null, "--abi", true, Scope.COMMAND),
    CACHE_DIR(null, "--cache-dir", true, Scope.COMMAND),
    LOG(null, "--log", true, Scope.COMMAND),
    PROXY(null, "--proxy", true, Scope.COMMAND),
    RETRIES(null, "--retries", true, Scope.COMMAND),
    TIMEOUT(null, "--timeout", true, Scope.COMMAND),
    EXISTS_ACTION(null, "--exists-action", true, Scope.COMMAND),
    PROGRESS_BAR(null, "--progress-bar", true, Scope.COMMAND),
    REPORT(null, "--report", true, Scope.COMMAND),
    PYTHON(null, "--python", true, Scope.COMMAND),
    CERT(null, "--cert", true, Scope.COMMAND),
    CLIENT_CERT(null, "--client-cert", true, Scope.COMMAND),
    ROOT_USER_ACTION(null, "--root-user-action", true, Scope.COMMAND),
    DRY_RUN(null, "--dry-run", false, Scope.COMMAND),
    BREAK_SYSTEM_PACKAGES(null, "--break-system-packages", false, Scope.COMMAND),
    NO_WARN_SCRIPT_LOCATION(null, "--no-warn-script-location", false, Scope.COMMAND),
    NO_WARN_CONFLICTS(null, "--no-warn-conflicts", false, Scope.COMMAND),
    COMPILE(null, "--compile", false, Scope.COMMAND),
    NO_COMPILE(null, "--no-compile", false, Scope.COMMAND),
    DISABLE_PIP_VERSION_CHECK(null, "--disable-pip-version-check", false, Scope.COMMAND),
    ISOLATED(null, "--isolated", false, Scope.COMMAND),
    NO_INPUT(null, "--no-input", false, Scope.COMMAND),
    NO_COLOR(null, "--no-color", false, Scope.COMMAND),
    USE_PEP517(null, "--use-pep517", false, Scope.COMMAND),
    NO_USE_PEP517(null, "--no-use-pep517", false, Scope.COMMAND),
    CHECK_BUILD_DEPENDENCIES(null, "--check-build-dependencies", false, Scope.COMMAND),
    NO_CLEAN(null, "--no-clean", false, Scope.COMMAND),
    YES("-y", "--yes", false, Scope.COMMAND);

    /** Where an option may be written. */
    enum Scope {
        /** On a requirements-file line of its own (and on the command line). */
        FILE,
        /** After a requirement on its requirements-file line (and on the command line). */
        REQUIREMENT,
        /** Only on the command line. */
        COMMAND
    }

    final String shortName;
    final String longName;
    final boolean takesValue;
    final Scope scope;

    PipOption(String shortName, String longName, boolean takesValue, Scope scope) {
        this.shortName = shortName;
        this.longName = longName;
        this.takesValue = takesValue;
        this.scope = scope;
    }

    /** The option a short name ({@code -r}) stands for, or null. */
    static PipOption byShort(String name) {
        for (PipOption o : values()) {
            if (name.equals(o.shortName)) {
                return o;
            }
        }
        return null;
    }

    /** The option a long name stands for, exactly or as an unambiguous prefix (optparse allows {@code --extra-index}); or null. */
    static PipOption byLong(String name) {
        List<PipOption> prefixed = new ArrayList<>();
        for (PipOption o : values()) {
            if (o.longName.equals(name)) {
                return o;
            }
            if (o.longName.startsWith(name)) {
                prefixed.add(o);
            }
        }
        return prefixed.size() == 1 ? prefixed.get(0) : null;
    }
}
