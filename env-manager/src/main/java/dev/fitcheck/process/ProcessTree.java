package dev.fitcheck.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
        if (root.isAlive()) {
            all.add(root);
        }
        root.descendants().forEach(all::add);
        return new ArrayList<>(all);
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
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                break;
            }
        }
        // Whatever is still alive, plus anything forked meanwhile, is killed outright.
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> left = new ArrayList<>();
            for (ProcessHandle p : seen) {
                if (p.isAlive()) left.add(p);
                p.descendants().forEach(d -> {
                    if (!left.contains(d)) left.add(d);
                });
            }
            if (left.isEmpty()) break;
            for (ProcessHandle p : left) {
                if (!seen.contains(p)) seen.add(p);
                p.destroyForcibly();
            }
            for (ProcessHandle p : left) {
                try {
                    p.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // a process that ignores SIGKILL is in uninterruptible sleep; nothing more to do
                }
            }
        }
        return seen;
    }
}
