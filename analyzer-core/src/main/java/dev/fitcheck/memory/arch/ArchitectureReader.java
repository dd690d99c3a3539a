package dev.fitcheck.memory.arch;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ModelArchitecture} from the config.json of each part (keyed by role), and, when a
 * weights directory is given, replaces the predicted tensors by the checkpoint's own from its
 * safetensors headers: exact counts, with the differences noted.
 */
public final class ArchitectureReader {

    public ModelArchitecture fromConfigs(String name, Map<String, Path> configs) {
        Map<Role, Path> byRole = new LinkedHashMap<>();
        configs.forEach((k, v) -> {
            try {
                byRole.put(Role.ofKey(k), v);
            } catch (IllegalArgumentException e) {
                throw new InputError(SourceLocation.wholeFile(v), e.getMessage());
            }
        });
        Path lmFile = byRole.get(Role.LANGUAGE);
        if (lmFile == null) {
            throw new InputError("model '" + name + "' has no 'language' config; the memory planner needs the language model's config.json");
        }
        LanguageModelConfig lm = LanguageModelConfig.from(ConfigJson.read(lmFile));
        Optional<ProjectorConfig> projector = Optional.ofNullable(byRole.get(Role.PROJECTOR))
                .map(p -> ProjectorConfig.from(ConfigJson.read(p)));
        Optional<VisionTowerConfig> vision = Optional.ofNullable(byRole.get(Role.VISION))
                .map(p -> VisionTowerConfig.from(ConfigJson.read(p)));
        Optional<AudioEncoderConfig> audio = Optional.ofNullable(byRole.get(Role.AUDIO))
                .map(p -> AudioEncoderConfig.from(ConfigJson.read(p)));

        List<ModulePart> parts = new ArrayList<>();
        parts.add(new ModulePart(Role.LANGUAGE, lm.displayName() + " language model", lm.tensors()));
        ModelArchitecture draft = new ModelArchitecture(name, List.of(), lm, vision, audio, projector, List.of(),
                List.of(), "config.json", List.of());
        List<ComputeOutsideForward> hazards = new ArrayList<>();
        vision.ifPresent(v -> {
            String root = draft.prefix(Role.VISION);
            parts.add(new ModulePart(Role.VISION, v.displayName() + " (" + v.name() + ")", v.tensors(root)));
            if (v.useHead()) {
                String head = root + VisionTowerConfig.headModule();
                hazards.add(new ComputeOutsideForward(head, head + ".attention.out_proj",
                        "its nn.MultiheadAttention passes out_proj.weight to F.multi_head_attention_forward, "
                                + "outside the Linear's own forward",
                        "RuntimeError: self and mat2 must have the same dtype, but got Half and Byte"));
            }
        });
        audio.ifPresent(a -> parts.add(new ModulePart(Role.AUDIO, "Whisper encoder (" + a.name() + ")",
                a.tensors(draft.prefix(Role.AUDIO)))));
        projector.ifPresent(p -> parts.add(new ModulePart(Role.PROJECTOR, "projectors and norms", p.tensors())));
        List<String> tied = lm.tieWordEmbeddings() ? List.of("lm_head", "model.embed_tokens") : List.of();
        return new ModelArchitecture(name, parts, lm, vision, audio, projector, hazards, tied, "config.json", List.of());
    }

    /**
     * The same model counted from its checkpoint: each tensor goes to the part whose prefix it
     * carries (the language model takes the rest), keeps the kind the configs predict for its name,
     * and the notes list what the configs predicted but the checkpoint lacks, and the reverse.
     */
    public ModelArchitecture withCheckpoint(ModelArchitecture predicted, Path weightsDir) {
        List<TensorSpec> actual = SafetensorsHeaders.read(weightsDir);
        Map<String, TensorSpec> expected = new HashMap<>();
        for (ModulePart p : predicted.parts()) {
            for (TensorSpec t : p.tensors()) {
                expected.put(t.name(), t);
            }
        }
        List<Role> byPrefixLength = new ArrayList<>(List.of(Role.VISION, Role.AUDIO, Role.PROJECTOR));
        byPrefixLength.sort(Comparator.comparingInt((Role r) -> predicted.prefix(r).length()).reversed());
        Map<Role, List<TensorSpec>> grouped = new LinkedHashMap<>();
        for (ModulePart p : predicted.parts()) {
            grouped.put(p.role(), new ArrayList<>());
        }
        int unexpected = 0;
        for (TensorSpec t : actual) {
            Role role = Role.LANGUAGE;
            for (Role r : byPrefixLength) {
                if (grouped.containsKey(r) && !predicted.prefix(r).isEmpty() && t.name().startsWith(predicted.prefix(r))) {
                    role = r;
                    break;
                }
            }
            TensorSpec known = expected.remove(t.name());
            if (known == null) {
                unexpected++;
            }
            TensorKind kind = known != null ? known.kind() : t.kind();
            grouped.computeIfAbsent(role, r -> new ArrayList<>())
                    .add(new TensorSpec(t.name(), t.shape(), kind, t.storedDtype()));
        }
        List<ModulePart> parts = new ArrayList<>();
        for (ModulePart p : predicted.parts()) {
            parts.add(new ModulePart(p.role(), p.description(), grouped.get(p.role())));
        }
        List<String> notes = new ArrayList<>();
        if (!expected.isEmpty()) {
            notes.add(expected.size() + " tensors the configs predict are not in the checkpoint (e.g. "
                    + expected.keySet().stream().sorted().findFirst().orElseThrow() + ")");
        }
        if (unexpected > 0) {
            notes.add(unexpected + " checkpoint tensors are not predicted by the configs; their kind is guessed from the name");
        }
        return new ModelArchitecture(predicted.name(), parts, predicted.language(), predicted.vision(), predicted.audio(),
                predicted.projector(), predicted.computeOutsideForward(), predicted.tiedModules(),
                "safetensors headers", notes);
    }
}
