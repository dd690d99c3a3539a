package dev.fitcheck.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Test runs as JUnit XML, the format CI systems read: one testsuite per model, one testcase per
 * finding (a package's version, a module's import, the inference command) or per stage without
 * findings. FAILED is a failure; INCOMPLETE and SKIPPED are skipped, with the reason.
 */
public final class JunitReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private JunitReport() {
    }

    public static void write(List<TestRunResult> runs, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
                write(runs, w);
                w.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void write(List<TestRunResult> runs, XMLStreamWriter w) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuites");
        w.writeAttribute("name", "fitcheck");
        w.writeAttribute("tests", Integer.toString(runs.stream().mapToInt(r -> cases(r).size()).sum()));
        w.writeAttribute("failures", Long.toString(runs.stream().flatMap(r -> cases(r).stream())
                .filter(c -> c.status() == StageStatus.FAILED).count()));
        w.writeAttribute("time", seconds(runs.stream().mapToLong(r -> r.duration().toMillis()).sum()));
        for (TestRunResult r : runs) {
            List<Case> cases = cases(r);
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "fitcheck." + r.model());
            w.writeAttribute("tests", Integer.toString(cases.size()));
            w.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.status() == StageStatus.FAILED).count()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", Long.toString(cases.stream()
                    .filter(c -> c.status() == StageStatus.SKIPPED || c.status() == StageStatus.INCOMPLETE).count()));
            w.writeAttribute("time", seconds(r.duration().toMillis()));
            w.writeAttribute("timestamp", TIMESTAMP.format(r.started()));
            w.writeCharacters("\n    ");
            w.writeStartElement("properties");
            property(w, "environment", r.environment().toString());
            property(w, "python", r.python());
            if (r.pythonNote().isPresent()) {
                property(w, "python.note", r.pythonNote().get());
            }
            property(w, "environment.fingerprint", r.environmentFingerprint());
            property(w, "run.directory", r.runDirectory().toString());
            if (r.gpu().isPresent()) {
                GpuPeak g = r.gpu().get();
                property(w, "gpu.peak.mib", Long.toString(g.peakMiB()));
                property(w, "gpu.baseline.mib", Long.toString(g.baselineMiB()));
                property(w, "gpu.total.mib", Long.toString(g.totalMiB()));
            }
            for (ServiceStep s : r.services()) {
                property(w, "service." + s.service() + "." + s.action().name().toLowerCase(Locale.ROOT), s.display());
            }
            w.writeCharacters("\n    ");
            w.writeEndElement();
            for (Case c : cases) {
                w.writeCharacters("\n    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "fitcheck." + r.model() + "." + c.stage());
                w.writeAttribute("name", xml(c.name()));
                w.writeAttribute("time", seconds(c.millis()));
                switch (c.status()) {
                    case FAILED -> {
                        w.writeStartElement("failure");
                        w.writeAttribute("message", xml(c.message()));
                        w.writeAttribute("type", c.type());
                        w.writeCharacters(xml(c.details()));
                        w.writeEndElement();
                    }
                    case INCOMPLETE, SKIPPED -> {
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", xml(c.status().name().toLowerCase(Locale.ROOT) + ": " + c.message()));
                    }
                    case PASSED -> {
                        w.writeStartElement("system-out");
                        w.writeCharacters(xml(c.message()));
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private record Case(String stage, String name, StageStatus status, String message, String type, String details,
            long millis) {
    }

    private static List<Case> cases(TestRunResult r) {
        List<Case> out = new java.util.ArrayList<>();
        for (StageResult s : r.stages()) {
            if (s.findings().isEmpty()) {
                out.add(new Case(s.name(), s.name(), s.status(), s.summary(), s.status().name(), s.summary(),
                        s.duration().toMillis()));
                continue;
            }
            long each = s.duration().toMillis() / s.findings().size();
            for (Finding f : s.findings()) {
                String details = f.message() + f.diagnosis().map(d -> "\n\n" + d.title() + ": " + d.diagnosis()
                        + "\nfix: " + d.fix() + "\nevidence: " + d.evidence()).orElse("");
                out.add(new Case(s.name(), s.name() + ": " + f.subject(), f.status(), f.message(),
                        f.diagnosis().map(Diagnosis::rule).orElse(f.status().name()), details, each));
            }
        }
        return out;
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n      ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", xml(value));
    }

    /** Drops what XML 1.0 cannot hold (terminal escape codes, NULs) from text the test printed. */
    static String xml(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (ok) sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
