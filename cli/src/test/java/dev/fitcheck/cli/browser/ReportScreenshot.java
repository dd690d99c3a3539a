package dev.fitcheck.cli.browser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refreshes the kept screenshot of an HTML report: loads the page in headless Chromium at 1280 px
 * (or the given width), and only when it logs no error or warning, throws nothing, requests
 * nothing and its charts' text neither overlaps nor is cut off, writes a full-page PNG (atomically,
 * so a failed run leaves the previous screenshot). Run by scripts/report-screenshot.
 *
 * <p>Usage: {@code ReportScreenshot HTML PNG [WIDTH]}; exit 0 written, 1 the page failed a check,
 * 2 bad arguments, 3 no chromium on PATH.
 */
public final class ReportScreenshot {

    private ReportScreenshot() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: report-screenshot HTML PNG [WIDTH]");
            return 2;
        }
        Path html = Path.of(args[0]);
        Path png = Path.of(args[1]);
        int width;
        try {
            width = args.length == 3 ? Integer.parseInt(args[2]) : 1280;
        } catch (NumberFormatException e) {
            err.println("report-screenshot: the width must be a whole number of pixels, not '" + args[2] + "'");
            return 2;
        }
        if (!Files.isRegularFile(html)) {
            err.println("report-screenshot: no file " + html + " (generate the report first: ./fitcheck analyze)");
            return 2;
        }
        Optional<Path> chromium = HeadlessChromium.findBinary();
        if (chromium.isEmpty()) {
            err.println("report-screenshot: no chromium on PATH; install Debian's: apt-get install chromium");
            return 3;
        }
        try (HeadlessChromium browser = HeadlessChromium.start(chromium.get())) {
            LoadedPage page = browser.load(html, width);
            List<String> problems = new ArrayList<>();
            page.consoleErrors().forEach(m -> problems.add("console error: " + m));
            page.consoleWarnings().forEach(m -> problems.add("console warning: " + m));
            page.exceptions().forEach(m -> problems.add("exception: " + m));
            page.requests().forEach(m -> problems.add("request: " + m));
            page.svgTextProblems().forEach(m -> problems.add("chart text: " + m));
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("report-screenshot: " + p));
                err.println("report-screenshot: " + html + " failed " + problems.size() + " check(s); " + png + " is unchanged");
                return 1;
            }
            byte[] image = page.screenshot();
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-screenshot", ".png");
            try {
                Files.write(tmp, image);
                // A temporary file is private to its owner; the kept screenshot is an ordinary file.
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.println("report-screenshot: wrote " + png + " (" + width + " px wide, " + image.length + " bytes)");
            return 0;
        } catch (IOException e) {
            err.println("report-screenshot: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("report-screenshot: interrupted");
            return 1;
        }
    }
}
