package dev.fitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * fitcheck's own build through its own gate: every declared dependency at its newest release.
 * The verdict is reported (printed, and kept in cli/target/own-build-gate.json and .sarif), not
 * enforced: a newer release that breaks fitcheck is news for whoever upgrades, not a red build.
 * What must hold is that the gate runs on this repository's reactor and answers for every module.
 */
class OwnBuildGateTest {

    @Test
    void theGateAnswersForEveryModuleOfThisRepository() throws Exception {
        Path root = CliRun.REPO;
        Path target = Files.createDirectories(root.resolve("cli/target"));
        CliRun json = CliRun.of("gate", "--newest", "--json", "--sarif", target.resolve("own-build-gate.sarif").toString(),
                root.toString());
        assertThat(json.code()).as(json.err()).isIn(ExitCode.OK, ExitCode.CHECK_FAILED);
        Files.writeString(target.resolve("own-build-gate.json"), json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("modules").findValuesAsText("module")).containsExactly(
                "dev.fitcheck:analyzer-core:0.1.0-SNAPSHOT", "dev.fitcheck:env-manager:0.1.0-SNAPSHOT",
                "dev.fitcheck:cli:0.1.0-SNAPSHOT");
        for (JsonNode m : doc.path("modules")) {
            assertThat(m.path("sourceReferencesChecked").asInt()).as(m.path("module").asText()).isPositive();
        }
        System.out.println("fitcheck gate --newest on its own build: " + (doc.path("passed").asBoolean() ? "passes" : "FAILS")
                + " (report: cli/target/own-build-gate.json)");
        for (JsonNode m : doc.path("modules")) {
            m.path("upgrades").forEach(u -> System.out.println("  " + m.path("module").asText() + " would take "
                    + u.path("artifact").asText() + " " + u.path("from").asText() + " -> " + u.path("to").asText()));
            m.path("breaks").forEach(b -> System.out.println("  break: " + b.path("at").asText() + " " + b.path("symbol").asText()));
            m.path("newLinkageProblems").forEach(p -> System.out.println("  linkage: " + p.path("at").asText() + " "
                    + p.path("symbol").asText()));
        }
    }
}
