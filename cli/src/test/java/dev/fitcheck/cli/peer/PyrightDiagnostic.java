package dev.fitcheck.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One diagnostic of {@code pyright --outputjson}: file, 1-based line and column, rule and message. */
public record PyrightDiagnostic(Path file, int line, int column, String severity, String rule, String message) {

    /** The {@code generalDiagnostics} of one pyright JSON report. */
    static List<PyrightDiagnostic> fromReport(JsonNode report) {
        List<PyrightDiagnostic> out = new ArrayList<>();
        for (JsonNode d : report.path("generalDiagnostics")) {
            JsonNode start = d.path("range").path("start");
            out.add(new PyrightDiagnostic(Path.of(d.path("file").asText()), start.path("line").asInt() + 1,
                    start.path("character").asInt() + 1, d.path("severity").asText(), d.path("rule").asText(""),
                    d.path("message").asText()));
        }
        return out;
    }

    /** {@code file:line}, relative to {@code root}, as the comparison prints it. */
    public String where(Path root) {
        return root.relativize(file).toString().replace('\\', '/') + ":" + line;
    }
}
