package dev.fitcheck.fetch;

import dev.fitcheck.env.MissingToolError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code python -m pip} as a subprocess. The interpreter is {@code $FITCHECK_PYTHON} or
 * {@code python3}; nothing about the index, proxy or certificates is passed, so pip's own
 * configuration (pip.conf, PIP_* variables) decides.
 */
final class Pip {

    /** pip's exit code and what it printed. */
    record Run(int exit, String out, String err) {
        /** The last line of stderr that says something, for a one-sentence error. */
        String reason() {
            String[] lines = err.strip().split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].strip();
                if (l.startsWith("ERROR:")) return l.substring(6).strip();
            }
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].strip();
                if (!l.isEmpty() && !l.startsWith("WARNING:")) return l;
            }
            return "pip exited with " + exit;
        }
    }

    private final String python;
    private volatile boolean checked;

    Pip() {
        String env = System.getenv("FITCHECK_PYTHON");
        this.python = env != null && !env.isBlank() ? env : "python3";
    }

    Run run(List<String> args, Path workDir, long timeoutSeconds) {
        ensurePip();
        return exec(args, workDir, timeoutSeconds);
    }

    private void ensurePip() {
        if (checked) return;
        Run r;
        try {
            r = exec(List.of("--version"), null, 60);
        } catch (MissingToolError e) {
            throw e;
        }
        if (r.exit() != 0) {
            throw new MissingToolError(python + " has no pip (`" + python + " -m pip --version` failed: " + r.reason()
                    + "); install pip, or point FITCHECK_PYTHON at a Python that has it");
        }
        checked = true;
    }

    private Run exec(List<String> args, Path workDir, long timeoutSeconds) {
        List<String> cmd = new ArrayList<>(List.of(python, "-m", "pip"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new MissingToolError("no Python interpreter '" + python + "' to run pip with (" + e.getMessage()
                    + "); install Python 3 with pip, or set FITCHECK_PYTHON");
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Run(-1, "", "pip did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Run(-1, "", "interrupted");
        }
    }

    private static String drain(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
