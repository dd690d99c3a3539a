package dev.fitcheck.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while a long step runs, drawn only on a terminal (a log or a test gets
 * the summary lines alone). Thread-safe: download threads step it.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(PrintWriter err, String task, long max) {
        if (System.console() == null || max <= 0) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, 100))
                .build();
        return new Progress(bar);
    }

    synchronized void stepTo(long n, String message) {
        if (bar != null) {
            bar.stepTo(n);
            bar.setExtraMessage(message);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
    }
}
