package dev.fitcheck.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Clean-up that must happen even when the user presses Ctrl-C: the JVM then runs shutdown hooks
 * but no finally blocks of the main thread. Actions run last-registered first (kill the test's
 * processes, then restart the services), once, from whichever comes first: the normal path's
 * {@link #runAll()} or the shutdown hook.
 */
public final class ShutdownActions implements AutoCloseable {

    private final Deque<Action> actions = new ArrayDeque<>();
    private final Thread hook;
    private boolean ran;

    public record Action(String name, Runnable body) {
    }

    public ShutdownActions() {
        this.hook = new Thread(this::runAll, "fitcheck-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public synchronized void push(String name, Runnable body) {
        actions.push(new Action(name, body));
    }

    /** Removes an action that is no longer needed (its work was done on the normal path). */
    public synchronized void remove(String name) {
        actions.removeIf(a -> a.name().equals(name));
    }

    public synchronized void runAll() {
        if (ran) return;
        ran = true;
        while (!actions.isEmpty()) {
            Action a = actions.pop();
            try {
                a.body().run();
            } catch (RuntimeException e) {
                System.err.println("fitcheck: clean-up '" + a.name() + "' failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }
}
