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
}
