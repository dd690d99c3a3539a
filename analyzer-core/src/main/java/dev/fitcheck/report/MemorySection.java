package dev.fitcheck.report;

import java.util.List;

/**
 * The memory analysis: the GPU as it is now (or as fitcheck.yaml describes it), what each service
 * uses, and per model its parts, its need per configuration, what fits, what must stop, the
 * longest video, and what must stay unquantized.
 */
public record MemorySection(
        String gpu,
        String capacity,
        String source,
        List<ServiceRow> services,
        String available,
        String question,
        List<ModelMemory> models) {

    public MemorySection {
        services = List.copyOf(services);
        models = List.copyOf(models);
    }

    public record ServiceRow(String name, String description, String memory, boolean live) {
    }

    public record ModelMemory(
            String model,
            String title,
            List<PartRow> parts,
            String parameters,
            List<ConfigurationRow> configurations,
            List<KeptRow> mustStayUnquantized,
            List<String> warnings,
            List<String> notes) {
        public ModelMemory {
            parts = List.copyOf(parts);
            configurations = List.copyOf(configurations);
            mustStayUnquantized = List.copyOf(mustStayUnquantized);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    public record PartRow(String role, String description, long parameters) {
    }

    /** One configuration: its need, broken down, and the verdicts. Sizes in GiB with one decimal. */
    public record ConfigurationRow(
            String configuration,
            String weights,
            String caches,
            String activations,
            String context,
            String need,
            long needBytes,
            boolean fitsNow,
            String withServices,
            String longestVideoNow,
            String longestVideoAllStopped,
            List<String> problems) {
        public ConfigurationRow {
            problems = List.copyOf(problems);
        }
    }

    /** A module kept in the compute dtype under quantization, why, and what it costs. */
    public record KeptRow(String module, String reason, String cost) {
    }
}
