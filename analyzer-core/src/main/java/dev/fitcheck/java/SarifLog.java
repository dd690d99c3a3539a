package dev.fitcheck.java;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log as GitHub code scanning reads it: {@code tool.driver.rules} with id, short and
 * full description and help; results with ruleId, level, message, a location whose URI is relative
 * to the repository root (with a full region and the source line as its snippet), and partial
 * fingerprints so an alert keeps its identity when other lines move.
 */
public final class SarifLog {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path repositoryRoot;
    private final String toolVersion;
    private final Map<String, List<String>> fileLines = new HashMap<>();

    public SarifLog(Path repositoryRoot, String toolVersion) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.toolVersion = toolVersion;
    }

    public String render(List<SarifFinding> findings) {
        Map<String, SarifRule> rules = new LinkedHashMap<>();
        findings.forEach(f -> rules.putIfAbsent(f.rule().id(), f.rule()));
        List<String> ruleIds = new ArrayList<>(rules.keySet());

        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "fitcheck");
        driver.put("semanticVersion", toolVersion);
        driver.put("informationUri", "https://github.com/fitcheck-dev/fitcheck");
        ArrayNode ruleArray = driver.putArray("rules");
        for (SarifRule r : rules.values()) {
            ObjectNode rn = ruleArray.addObject();
            rn.put("id", r.id());
            rn.put("name", r.name());
            rn.putObject("shortDescription").put("text", r.shortDescription());
            rn.putObject("fullDescription").put("text", r.fullDescription());
            rn.putObject("help").put("text", r.help()).put("markdown", r.help());
            rn.putObject("defaultConfiguration").put("level", r.level());
            rn.putObject("properties").putArray("tags").add("dependencies").add("java");
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").putObject("description")
                .put("text", "The root of the repository scanned");
        ArrayNode results = run.putArray("results");
        for (SarifFinding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", ruleIds.indexOf(f.rule().id()));
            r.put("level", f.rule().level());
            r.putObject("message").put("text", f.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            Path file = f.start().file().toAbsolutePath().normalize();
            String uri = (file.startsWith(repositoryRoot) ? repositoryRoot.relativize(file) : file.getFileName())
                    .toString().replace('\\', '/');
            physical.putObject("artifactLocation").put("uri", uri).put("uriBaseId", "%SRCROOT%");
            ObjectNode region = physical.putObject("region");
            List<String> lines = lines(file);
            int line = Math.max(f.start().line(), 1);
            String text = line <= lines.size() ? lines.get(line - 1) : "";
            int startColumn = f.start().column() > 0 ? f.start().column() : firstNonBlank(text);
            int endLine = f.endLine() >= line ? f.endLine() : line;
            String endText = endLine <= lines.size() ? lines.get(endLine - 1) : text;
            int endColumn = f.endColumn() > 0 ? f.endColumn() + 1 : endText.length() + 1;
            region.put("startLine", line);
            region.put("startColumn", startColumn);
            region.put("endLine", endLine);
            region.put("endColumn", Math.max(endColumn, endLine == line ? startColumn + 1 : 1));
            region.putObject("snippet").put("text", text);
            r.putObject("partialFingerprints").put("fitcheckFinding/v1",
                    sha256(f.rule().id() + "\n" + uri + "\n" + f.identity() + "\n" + text.strip()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(Path file) {
        return fileLines.computeIfAbsent(file.toString(), k -> {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) return i + 1;
        }
        return 1;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
