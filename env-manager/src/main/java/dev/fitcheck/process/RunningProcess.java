package dev.fitcheck.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started program whose two output streams are read on their own threads (so that neither pipe
 * fills and blocks it). {@link #kill()} ends its whole process tree, and its process group too when
 * it was started in a session of its own.
 */
public final class RunningProcess {

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final ExternalCommand command;
    private final Process process;
    private final boolean ownGroup;
    private final long startNanos;
    private final List<OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private volatile boolean timedOut;

    RunningProcess(ExternalCommand command, Process process, boolean ownGroup, OutputSink sink) {
        this.command = command;
        this.process = process;
        this.ownGroup = ownGroup;
        this.startNanos = System.nanoTime();
        readers.add(reader(process.getInputStream(), OutputLine.Stream.STDOUT, sink));
        readers.add(reader(process.getErrorStream(), OutputLine.Stream.STDERR, sink));
    }

    private Thread reader(InputStream in, OutputLine.Stream stream, OutputSink sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    OutputLine ol = new OutputLine(stream, line);
                    lines.add(ol);
                    sink.accept(ol);
                }
            } catch (IOException e) {
                // the stream closes when the process is killed; what was read is kept
            }
        }, "output-" + stream.name().toLowerCase() + "-" + process.pid());
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the end, or for the command's time limit, after which the tree is killed. */
    public CommandOutcome await() throws InterruptedException {
        Optional<Duration> limit = command.timeout();
        if (limit.isPresent()) {
            if (!process.waitFor(limit.get().toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                kill();
            }
        }
        int code = process.waitFor();
        for (Thread t : readers) {
            // Orphaned grandchildren may keep the pipes open; do not wait for them forever.
            t.join(2000);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        List<OutputLine> copy;
        synchronized (lines) {
            copy = List.copyOf(lines);
        }
        return new CommandOutcome(command, killed.get() && code == 0 ? -1 : code, timedOut, elapsed, copy);
    }

    /** Ends the process and everything it started; safe to call more than once and from any thread. */
    public void kill() {
        if (!killed.compareAndSet(false, true)) {
            return;
        }
        ProcessTree.kill(process.toHandle(), GRACE);
        if (ownGroup) {
            // Members that detached from the tree (double forks) still share the process group.
            ProcessGroup.kill(process.pid());
        }
    }

    public boolean wasKilled() {
        return killed.get();
    }
}
