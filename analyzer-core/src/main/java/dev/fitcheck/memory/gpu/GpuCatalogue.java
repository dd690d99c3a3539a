package dev.fitcheck.memory.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.memory.ByteSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The GPU kinds of rules/gpus.yaml, looked up by the name nvidia-smi prints. */
public final class GpuCatalogue {

    private final List<GpuKind> kinds;
    private final ByteSize defaultContext;

    public GpuCatalogue(List<GpuKind> kinds, ByteSize defaultContext) {
        this.kinds = List.copyOf(kinds);
        this.defaultContext = defaultContext;
    }

    public static GpuCatalogue load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "cannot be read as YAML: " + e.getMessage());
        }
        JsonNode gpus = root == null ? null : root.get("gpus");
        if (gpus == null || !gpus.isArray()) {
            throw new InputError(SourceLocation.of(file, 1), "expected a 'gpus' list");
        }
        List<GpuKind> kinds = new ArrayList<>();
        for (JsonNode g : gpus) {
            if (!g.path("name").isTextual() || !g.path("memory_mib").isNumber() || !g.path("bandwidth_gbs").isNumber()) {
                throw new InputError(SourceLocation.wholeFile(file), "every GPU needs name, memory_mib and bandwidth_gbs; "
                        + "this one has " + g);
            }
            Map<String, String> sources = new LinkedHashMap<>();
            g.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
            Optional<ByteSize> context = g.path("context_mib").isNumber()
                    ? Optional.of(ByteSize.ofMiB(g.path("context_mib").asDouble())) : Optional.empty();
            kinds.add(new GpuKind(g.get("name").asText(), ByteSize.ofMiB(g.get("memory_mib").asDouble()),
                    g.get("bandwidth_gbs").asDouble(), context, sources));
        }
        return new GpuCatalogue(kinds, ByteSize.ofMiB(root.path("default_context_mib").asDouble(512)));
    }

    /** The kind whose name matches, ignoring case and spacing ("NVIDIA GeForce RTX 4090" or "RTX 4090"). */
    public Optional<GpuKind> find(String name) {
        String wanted = norm(name);
        for (GpuKind k : kinds) {
            if (norm(k.name()).equals(wanted)) {
                return Optional.of(k);
            }
        }
        for (GpuKind k : kinds) {
            if (norm(k.name()).endsWith(wanted) || wanted.endsWith(norm(k.name()))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public List<GpuKind> kinds() {
        return kinds;
    }

    public ByteSize defaultContext() {
        return defaultContext;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
