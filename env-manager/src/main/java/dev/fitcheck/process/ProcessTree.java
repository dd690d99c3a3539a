package dev.fitcheck.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends a process and everything it started. Killing only the direct child leaves its children
 * (a model server, a dataloader worker, a shell's background job) running and holding the GPU, so
 * the tree is collected first, asked to stop, and killed after a grace period. Children that
 * appear while the tree shuts down are collected again.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Every live process in the tree below {@code root}, the root included. */
    public static List<ProcessHandle> members(ProcessHandle root) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        if (isRunning(root)) {
            all.add(root);
        }
        root.descendants().filter(ProcessTree::isRunning).forEach(all::add);
        return new ArrayList<>(all);
    }

    /**
     * Alive and not a zombie. A killed process whose parent died is re-parented to init; where init
     * does not reap (some containers), it stays a zombie that Java still calls alive.
     */
    public static boolean isRunning(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return p.isAlive();
        }
    }

    /**
     * Sends SIGTERM to the whole tree, waits up to {@code grace}, then SIGKILLs what is left.
     * Returns the processes that were signalled.
     */
    public static List<ProcessHandle> kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> seen = new ArrayList<>();
        // Children first, so that a parent that restarts dead children does not win the race.
        List<ProcessHandle> tree = members(root);
        seen.addAll(tree);
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        waitUntilGone(tree, grace);
        // Whatever is still alive, plus anything forked meanwhile, is killed outright.
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> left = new ArrayList<>();
            for (ProcessHandle p : seen) {
                if (isRunning(p)) left.add(p);
                p.descendants().filter(ProcessTree::isRunning).forEach(d -> {
                    if (!left.contains(d)) left.add(d);
                });
            }
            if (left.isEmpty()) break;
            for (ProcessHandle p : left) {
                if (!seen.contains(p)) seen.add(p);
                p.destroyForcibly();
            }
            // A process that outlives SIGKILL is in uninterruptible sleep; nothing more can be done.
            waitUntilGone(left, Duration.ofSeconds(2));
        }
        return seen;
    }

    private static void waitUntilGone(List<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
