package dev.fitcheck.memory.arch;

import java.util.List;
import java.util.Optional;

/**
 * A model as the memory planner sees it: its parts with every tensor, the configs they came
 * from, the modules that must stay unquantized, and where the counts came from ("config.json" or
 * "safetensors headers") with any differences between the two.
 */
public record ModelArchitecture(
        String name,
        List<ModulePart> parts,
        LanguageModelConfig language,
        Optional<VisionTowerConfig> vision,
        Optional<AudioEncoderConfig> audio,
        Optional<ProjectorConfig> projector,
        List<ComputeOutsideForward> computeOutsideForward,
        List<String> tiedModules,
        String countedFrom,
        List<String> notes) {

    public ModelArchitecture {
        parts = List.copyOf(parts);
        computeOutsideForward = List.copyOf(computeOutsideForward);
        tiedModules = List.copyOf(tiedModules);
        notes = List.copyOf(notes);
    }

    public long parameters() {
        return parts.stream().mapToLong(ModulePart::parameters).sum();
    }

    public Optional<ModulePart> part(Role role) {
        return parts.stream().filter(p -> p.role() == role).findFirst();
    }

    public long parameters(Role role) {
        return part(role).map(ModulePart::parameters).orElse(0L);
    }

    /** The checkpoint prefix of a role's modules ("model.mm_vis."); the language model has none. */
    public String prefix(Role role) {
        return projector.map(p -> p.checkpointPrefixes().getOrDefault(role, "")).orElse(role == Role.VISION ? "vision_tower."
                : role == Role.AUDIO ? "audio_tower." : role == Role.PROJECTOR ? "projector." : "");
    }
}
