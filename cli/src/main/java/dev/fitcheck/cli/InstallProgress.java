package dev.fitcheck.cli;

import dev.fitcheck.env.InstallListener;
import dev.fitcheck.process.OutputLine;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The installer's output behind a progress display on stderr. On a terminal: one live line per
 * model with the elapsed time and the installer's latest step ("Downloading transformers ...").
 * Elsewhere (CI logs, pipes): the phases only, one line each. Everything the installer printed is
 * in the creation's log either way.
 */
final class InstallProgress implements InstallListener {

    /** Installer lines worth showing: what is being fetched, built or installed. */
    private static final Pattern SHOWN = Pattern.compile(
            "^\\s*(Collecting|Downloading|Downloaded|Processing|Building|Built|Installing|Installed|Resolved|Prepared|"
                    + "Successfully|Using cached|Preparing)\\b");

    private final PrintWriter err;
    private final boolean live;
    private ProgressBar bar;
    private String barModel;

    InstallProgress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    static boolean terminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void phase(String model, String message) {
        if (live) {
            bar(model).setExtraMessage(message);
        } else {
            err.println(model + ": " + message);
            err.flush();
        }
    }

    @Override
    public synchronized void output(String model, OutputLine line) {
        if (live && SHOWN.matcher(line.text()).find()) {
            String t = line.text().strip();
            bar(model).setExtraMessage(t.length() > 70 ? t.substring(0, 69) + "…" : t);
        }
    }

    /** Ends the live line of the model (call when its creation is over). */
    synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
            barModel = null;
        }
    }

    private ProgressBar bar(String model) {
        if (bar == null || !model.equals(barModel)) {
            finish();
            bar = new ProgressBarBuilder().setTaskName(model).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).continuousUpdate().hideEta()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 110)).build();
            barModel = model;
        }
        return bar;
    }
}
