package dev.fitcheck.report.sarif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the tool's rules with descriptions and
 * help, and results with a level, a message, a repository-relative location with a full region,
 * and stable partial fingerprints.
 */
public final class SarifWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final String toolVersion;

    public SarifWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String write(List<SarifRule> rules, List<SarifFinding> findings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "fitcheck");
        driver.put("informationUri", "https://github.com/fitcheck-dev/fitcheck");
        driver.put("semanticVersion", toolVersion);
        ArrayNode ruleNodes = driver.putArray("rules");
        for (SarifRule r : rules) {
            ObjectNode n = ruleNodes.addObject();
            n.put("id", r.id());
            n.put("name", r.name());
            n.putObject("shortDescription").put("text", r.shortDescription());
            n.putObject("fullDescription").put("text", r.fullDescription());
            ObjectNode help = n.putObject("help");
            help.put("text", r.help());
            help.put("markdown", r.help());
            n.putObject("defaultConfiguration").put("level", r.level());
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", "file:///");
        ArrayNode results = run.putArray("results");
        for (SarifFinding f : findings) {
            int ruleIndex = indexOf(rules, f.ruleId());
            ObjectNode n = results.addObject();
            n.put("ruleId", f.ruleId());
            if (ruleIndex >= 0) {
                n.put("ruleIndex", ruleIndex);
                n.put("level", rules.get(ruleIndex).level());
            }
            n.putObject("message").put("text", f.message());
            ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", f.uri());
            artifact.put("uriBaseId", "%SRCROOT%");
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.startLine());
            region.put("startColumn", f.startColumn());
            region.put("endLine", f.endLine());
            region.put("endColumn", f.endColumn());
            if (!f.snippet().isEmpty()) {
                region.putObject("snippet").put("text", f.snippet());
            }
            n.putObject("partialFingerprints").put("fitcheckFindingHash/v1", fingerprint(f));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF serialisation failed", e);
        }
    }

    private static int indexOf(List<SarifRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) return i;
        }
        return -1;
    }

    /** Rule, file and symbol, not the line: a break keeps its identity when code above it moves. */
    static String fingerprint(SarifFinding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((f.ruleId() + "\n" + f.uri() + "\n" + f.symbol()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
