package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's class data sharing archive (cli/target/fitcheck.jsa), run for real: the
 * repository's {@code fitcheck} copied into a directory of its own beside a stand-in jar whose main
 * class is {@link LauncherProbe}, with the JVM that runs this test first on PATH. Whatever state the
 * archive is in, a command prints what it prints without the archive and nothing else, on stdout or
 * stderr.
 */
class LauncherTest {

    @TempDir
    Path home;

    private Path jar;
    private Path jsa;

    @BeforeEach
    void launcherBesideAStandInJar() throws IOException {
        Files.copy(CliRun.REPO.resolve("fitcheck"), home.resolve("fitcheck"));
        Files.setPosixFilePermissions(home.resolve("fitcheck"), PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = home.resolve("cli/target/fitcheck.jar");
        jsa = home.resolve("cli/target/fitcheck.jsa");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    record Run(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** The launcher with these arguments, the JVM of this test first on PATH, stdout and stderr to files. */
    private ProcessBuilder launcher(Map<String, String> env, Path out, Path err, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("fitcheck").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("FITCHECK_JAVA_OPTS");
        pb.environment().remove("FITCHECK_CDS");
        pb.environment().putAll(env);
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    }

    private static Run finish(Process p, Path out, Path err) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        return finish(launcher(env, out, err, args).start(), out, err);
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private static void assertQuietVersion(Run r) {
        assertThat(r.exit()).as(r.describe()).isZero();
        assertThat(r.err()).as(r.describe()).isEmpty();
        assertThat(r.out().lines().toList()).as(r.describe()).hasSize(2).first().isEqualTo("probe --version");
    }

    @Test
    void theFirstRunMakesTheArchiveAndLaterRunsMapIt() throws Exception {
        Run first = run("--version");
        assertQuietVersion(first);
        assertThat(jsa).isNotEmptyFile();
        assertThat(Files.readString(home.resolve("cli/target/fitcheck.jsa.key"))).matches("\\d+:\\d+:\\d+:\\d+ \\d+:\\d+:\\d+:\\d+\n");
        assertThat(home.resolve("cli/target/fitcheck.jsa.training")).doesNotExist();

        Run second = run("--version");
        assertQuietVersion(second);
        assertThat(second.out()).contains("sharing=true launcher-archive=true");
    }

    @Test
    void shortCatalogueCommandsRunOnTheFirstTierAndLongBuildsOnBoth() throws Exception {
        Map<String, String> noArchive = Map.of("FITCHECK_CDS", "off");
        assertThat(run(noArchive, "catalogue", "show", "transformers", "transformers").out()).contains("first-tier-only=true");
        assertThat(run(noArchive, "catalogue", "build", "transformers", "--archive", "t.whl").out()).contains("first-tier-only=true");
        assertThat(run(noArchive, "catalogue", "build", "transformers", "--versions", ">=4.30").out()).contains("first-tier-only=false");
    }

    @Test
    void aCorruptArchiveIsIgnoredWithoutAWord() throws Exception {
        assertQuietVersion(run("--version"));
        byte[] archive = Files.readAllBytes(jsa);
        byte[] garbage = new byte[archive.length];
        new Random(4).nextBytes(garbage);
        for (byte[] content : List.of(garbage, Arrays.copyOf(archive, 4096), new byte[0])) {
            jsa.toFile().setWritable(true);
            Files.write(jsa, content);
            Run r = run("--version");
            assertQuietVersion(r);
            assertThat(r.out()).as(r.describe()).contains("sharing=false launcher-archive=true");   // offered, refused quietly
            assertThat(Files.size(jsa)).as("kept until the jar or the JVM changes").isEqualTo(content.length);
        }
    }

    @Test
    void anArchiveMadeForAnotherJarOrJvmIsMadeAgainOnce() throws Exception {
        assertQuietVersion(run("--version"));
        Path key = home.resolve("cli/target/fitcheck.jsa.key");
        String first = Files.readString(key);
        // a jar from elsewhere, its clock a day ahead: made again once, then kept
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L));
        assertQuietVersion(run("--version"));
        String second = Files.readString(key);
        assertThat(second).isNotEqualTo(first);
        FileTime made = Files.getLastModifiedTime(jsa);
        Run kept = run("--version");
        assertQuietVersion(kept);
        assertThat(kept.out()).contains("sharing=true launcher-archive=true");
        assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(made);

        Files.writeString(key, "1:2:3:4 " + second.split(" ")[1]);   // another java
        Run again = run("--version");
        assertQuietVersion(again);
        assertThat(again.out()).contains("sharing=true launcher-archive=true");
        assertThat(Files.readString(key)).isEqualTo(second);
    }

    @Test
    void concurrentFirstRunsAllSucceedAndLeaveOneWholeArchive() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(launcher(Map.of(), home.resolve("out" + i), home.resolve("err" + i), "--version").start());
        }
        for (int i = 0; i < runs.size(); i++) {
            assertQuietVersion(finish(runs.get(i), home.resolve("out" + i), home.resolve("err" + i)));
        }
        assertThat(run("--version").out()).contains("sharing=true launcher-archive=true");
        try (Stream<Path> left = Files.list(jsa.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fitcheck.jar", "fitcheck.jsa", "fitcheck.jsa.key");
        }
    }

    @Test
    void switchedOffOrChosenByTheCallerItIsNotMade() throws Exception {
        Run off = run(Map.of("FITCHECK_CDS", "off"), "--version");
        assertQuietVersion(off);
        assertThat(off.out()).contains("launcher-archive=false");
        assertThat(jsa).doesNotExist();

        Run chosen = run(Map.of("FITCHECK_JAVA_OPTS", "-Xshare:off"), "--version");
        assertQuietVersion(chosen);
        assertThat(chosen.out()).contains("sharing=false launcher-archive=false");
        assertThat(jsa).doesNotExist();

    }

    @Test
    void aDirectoryItCannotWriteIsLeftAsItIs() throws Exception {
        List<String> asSomeoneElse = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes anywhere: the launcher runs as nobody, who may read the copy and write nothing
            Path setpriv = Path.of("/usr/bin/setpriv");
            assumeTrue(Files.isExecutable(setpriv), "running as root without setpriv to run as nobody");
            asSomeoneElse = List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups");
            for (Path p : List.of(home, home.resolve("cli"), jsa.getParent(), home.resolve("fitcheck"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(jsa.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path out = home.resolve("out");
            Path err = home.resolve("err");
            ProcessBuilder pb = launcher(Map.of(), out, err, "--version");
            List<String> command = new ArrayList<>(asSomeoneElse);
            command.addAll(pb.command());
            Run readOnly = finish(pb.command(command).start(), out, err);
            assertQuietVersion(readOnly);
            assertThat(readOnly.out()).contains("launcher-archive=false");
            try (Stream<Path> left = Files.list(jsa.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("fitcheck.jar");
            }
        } finally {
            Files.setPosixFilePermissions(jsa.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
