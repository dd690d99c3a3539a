package dev.fitcheck.run;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.ServiceSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Frees the GPU for a test: runs the stop command of each service, and later their start
 * commands in reverse order, whatever happened in between. The restart is registered with
 * {@link ShutdownActions}, so Ctrl-C during the test restarts the services too. Each step is
 * reported as it happens and kept for the result.
 */
public final class ServicePause {

    private static final Duration STEP_LIMIT = Duration.ofMinutes(2);

    private final ProcessRunner runner;
    private final Consumer<ServiceStep> report;
    private final List<ServiceStep> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<ServiceSpec> stopped = new ArrayList<>();

    public ServicePause(ProcessRunner runner, Consumer<ServiceStep> report) {
        this.runner = runner;
        this.report = report;
    }

    /** Stops each service that has a stop command; a service that fails to stop is still restarted. */
    public void stop(List<ServiceSpec> services, ShutdownActions shutdown) {
        shutdown.push("restart services", this::restart);
        for (ServiceSpec s : services) {
            if (s.stop().isEmpty()) continue;
            synchronized (stopped) {
                stopped.add(s);
            }
            step(s, ServiceStep.Action.STOP, s.stop());
        }
    }

    /** Starts what was stopped, last stopped first; runs once. */
    public void restart() {
        List<ServiceSpec> toStart;
        synchronized (stopped) {
            toStart = new ArrayList<>(stopped);
            stopped.clear();
        }
        Collections.reverse(toStart);
        for (ServiceSpec s : toStart) {
            if (!s.start().isEmpty()) {
                step(s, ServiceStep.Action.START, s.start());
            }
        }
    }

    public List<ServiceStep> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    private void step(ServiceSpec s, ServiceStep.Action action, List<String> argv) {
        long start = System.nanoTime();
        ServiceStep st;
        try {
            CommandOutcome out = runner.run(ExternalCommand.of(argv).withTimeout(STEP_LIMIT));
            st = new ServiceStep(s.name(), action, argv, out.timedOut() ? -1 : out.exitCode(),
                    Duration.ofNanos(System.nanoTime() - start), out.timedOut() ? "timed out" : out.output());
        } catch (IOException e) {
            st = new ServiceStep(s.name(), action, argv, -1, Duration.ofNanos(System.nanoTime() - start),
                    "could not run " + argv.get(0) + ": " + e.getMessage());
        }
        steps.add(st);
        report.accept(st);
    }
}
