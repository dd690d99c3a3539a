package dev.fitcheck.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts external programs. The one place in fitcheck that calls {@link ProcessBuilder}. */
public final class ProcessRunner {

    /** Runs to the end (or the time limit) and returns how it ended. */
    public CommandOutcome run(ExternalCommand command, OutputSink sink) throws IOException {
        RunningProcess p = start(command, sink, false);
        try {
            return p.await();
        } catch (InterruptedException e) {
            p.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.display(), e);
        }
    }

    public CommandOutcome run(ExternalCommand command) throws IOException {
        return run(command, OutputSink.NONE);
    }

    /**
     * Starts without waiting. With {@code ownSession} the program leads a new session and process
     * group (through setsid where the system has it), so that killing it reaches every process it
     * started, and a Ctrl-C meant for fitcheck is not also delivered to it behind fitcheck's back.
     */
    public RunningProcess start(ExternalCommand command, OutputSink sink, boolean ownSession) throws IOException {
        List<String> argv = new ArrayList<>();
        boolean group = ownSession && ProcessGroup.supported();
        if (group) {
            argv.add(ProcessGroup.setsid());
        }
        argv.addAll(command.argv());
        ProcessBuilder pb = new ProcessBuilder(argv);
        command.directory().ifPresent(d -> pb.directory(d.toFile()));
        Map<String, String> env = pb.environment();
        command.environment().forEach((k, v) -> {
            if (v == null) env.remove(k);
            else env.put(k, v);
        });
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = pb.start();
        return new RunningProcess(command, process, group, sink);
    }

    /**
     * Runs a program the user talks to: it reads this process's stdin, and its output is copied
     * to {@code out} and {@code err} as it comes (not line by line, so prompts and progress bars
     * show). Returns its exit code.
     */
    public int attached(ExternalCommand command, java.io.Writer out, java.io.Writer err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        command.directory().ifPresent(d -> pb.directory(d.toFile()));
        Map<String, String> env = pb.environment();
        command.environment().forEach((k, v) -> {
            if (v == null) env.remove(k);
            else env.put(k, v);
        });
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        Thread o = copy(p.getInputStream(), out);
        Thread e = copy(p.getErrorStream(), err);
        try {
            int code = p.waitFor();
            o.join();
            e.join();
            return code;
        } catch (InterruptedException ex) {
            ProcessTree.kill(p.toHandle(), java.time.Duration.ofSeconds(2));
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.display(), ex);
        }
    }

    private static Thread copy(java.io.InputStream in, java.io.Writer to) {
        Thread t = new Thread(() -> {
            try (java.io.Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException ex) {
                // the program closed its stream; nothing more to copy
            }
        }, "attached-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
