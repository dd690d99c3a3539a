package dev.fitcheck.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where fitcheck keeps its state in a workspace, under {@code .fitcheck/}:
 *
 * <pre>
 * envs/&lt;model&gt;                      symlink to the model's current environment (the stable path)
 * envs/.&lt;model&gt;-&lt;fp12&gt;-&lt;t&gt;          one environment build, at the path it will always have
 * envs/.&lt;model&gt;.creating            the file lock held while an environment of the model is built
 * locks/&lt;model&gt;.lock.json            the lock: exact versions and digests
 * logs/&lt;model&gt;-&lt;time&gt;-create.log    each creation's full installer output
 * runs/&lt;model&gt;/&lt;time&gt;/               each test run's output and result.json
 * </pre>
 *
 * A venv cannot move (its scripts name its interpreter by absolute path), so each build is made
 * where it will stay, and the stable path is a symlink switched by one atomic rename.
 */
public record EnvironmentLayout(Path workspaceRoot) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    public EnvironmentLayout {
        workspaceRoot = workspaceRoot.toAbsolutePath().normalize();
    }

    public Path state() {
        return workspaceRoot.resolve(".fitcheck");
    }

    public Path envs() {
        return state().resolve("envs");
    }

    /** The path users and commands use for a model's environment. */
    public Path link(String model) {
        return envs().resolve(model);
    }

    Path guardFile(String model) {
        return envs().resolve("." + model + ".creating");
    }

    Path newBuild(String model, String fingerprint, Instant now) {
        return envs().resolve("." + model + "-" + fingerprint.substring(0, 12) + "-" + Long.toString(now.toEpochMilli(), 36));
    }

    /** Every build directory of the model, complete or not. */
    List<Path> builds(String model) {
        Pattern own = Pattern.compile("\\." + Pattern.quote(model) + "-[0-9a-f]{12}-[0-9a-z]+");
        if (!Files.isDirectory(envs())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(envs())) {
            return s.filter(p -> own.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path lockFile(String model) {
        return state().resolve("locks").resolve(model + ".lock.json");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    Path createLog(String model, Instant now) {
        return logs().resolve(model + "-" + STAMP.format(now) + "-create.log");
    }

    public Path runs(String model) {
        return state().resolve("runs").resolve(model);
    }

    public static String stamp(Instant t) {
        return STAMP.format(t);
    }
}
