package dev.fitcheck.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.python.SourceTree;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The analysis's release choices, kept under {@code .fitcheck/analysis/} and keyed by a fingerprint
 * of everything the analysis reads (fitcheck.yaml, manifests, sources, catalogues, rules): an
 * unchanged workspace reuses its environments without parsing a line of Python.
 */
final class ChoiceCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Workspace workspace;

    ChoiceCache(Workspace workspace) {
        this.workspace = workspace;
    }

    Map<String, Map<String, String>> load(Supplier<Map<String, Map<String, String>>> compute) {
        String fingerprint = fingerprint();
        Path file = workspace.root().resolve(".fitcheck/analysis/choices-" + fingerprint + ".json");
        try {
            if (Files.isRegularFile(file)) {
                return JSON.readValue(file.toFile(), new TypeReference<>() { });
            }
        } catch (IOException e) {
            // a damaged cache entry is recomputed below
        }
        Map<String, Map<String, String>> choices = compute.get();
        try {
            Output.writeAtomically(file, JSON.writeValueAsString(choices));
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: a read-only workspace still works
        }
        return choices;
    }

    private String fingerprint() {
        List<Path> inputs = new ArrayList<>();
        inputs.add(workspace.file());
        for (ModelSpec m : workspace.models()) {
            inputs.addAll(m.manifests());
            inputs.addAll(SourceTree.scan(m.sources()).files());
        }
        workspace.today().flatMap(t -> t.freeze()).ifPresent(inputs::add);
        try (Stream<Path> rules = Files.walk(Workspaces.rules())) {
            rules.filter(Files::isRegularFile).sorted().forEach(inputs::add);
        } catch (IOException e) {
            // no rules directory: nothing of it to fingerprint
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Output.version().getBytes(StandardCharsets.UTF_8));
            for (Path p : inputs) {
                sha.update(p.toString().getBytes(StandardCharsets.UTF_8));
                if (Files.exists(p)) {
                    sha.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.UTF_8));
                    sha.update(Long.toString(Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
