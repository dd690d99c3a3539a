package dev.fitcheck.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * POSIX process groups. A program started through {@code setsid} leads a new session whose group
 * id is its pid; every process it forks stays in that group unless it moves on purpose, so a
 * signal to the group reaches the daemons a descendant walk misses. Java cannot signal a group
 * itself; the system's {@code kill} can.
 */
final class ProcessGroup {

    private static final Path SETSID = firstExisting("/usr/bin/setsid", "/bin/setsid");
    private static final Path KILL = firstExisting("/bin/kill", "/usr/bin/kill");

    private ProcessGroup() {
    }

    static boolean supported() {
        return SETSID != null && KILL != null;
    }

    static String setsid() {
        return SETSID.toString();
    }

    static void kill(long groupId) {
        if (KILL == null) {
            return;
        }
        try {
            Process p = new ProcessBuilder(KILL.toString(), "-KILL", "--", "-" + groupId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing left to signal, or no kill program: the tree walk has done what it could
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
