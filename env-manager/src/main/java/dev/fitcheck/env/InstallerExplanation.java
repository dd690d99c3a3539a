package dev.fitcheck.env;

import dev.fitcheck.process.OutputLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the lines that explain an installer's failure out of everything it printed. uv and pip
 * both print their explanation last and mark its start: uv with "×" or "error:", pip with
 * "ERROR:" or "error:" (its build failures with "×" too). The explanation runs from the first
 * such line to the end; progress chatter before it is dropped.
 */
final class InstallerExplanation {

    private static final int MAX_LINES = 30;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern WORKING_ON = Pattern.compile("^\\s*(Collecting|Processing) ");
    private static final Pattern START = Pattern.compile("^\\s*(×|x |error:|ERROR:|Error:|Traceback )");

    private InstallerExplanation() {
    }

    static List<String> of(List<OutputLine> lines) {
        List<String> text = new ArrayList<>();
        for (OutputLine l : lines) {
            text.add(ANSI.matcher(l.text()).replaceAll(""));
        }
        int start = -1;
        for (int i = 0; i < text.size(); i++) {
            if (START.matcher(text.get(i)).find()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            // No marked explanation: the last lines are the best evidence there is.
            start = Math.max(0, text.size() - 10);
        }
        List<String> out = new ArrayList<>();
        // pip names the package it was working on only before its error block ("Processing
        // ./broken-1.0.tar.gz"); that line says which package failed to build.
        for (int i = start - 1; i >= 0; i--) {
            if (WORKING_ON.matcher(text.get(i)).find()) {
                out.add(text.get(i).strip());
                break;
            }
        }
        for (int i = start; i < text.size(); i++) {
            String t = text.get(i).stripTrailing();
            if (t.isBlank()) continue;
            if (out.size() == MAX_LINES) {
                out.add("… (" + (text.size() - i) + " more lines in the log)");
                break;
            }
            out.add(t);
        }
        return out;
    }
}
