package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.memory.arch.ArchitectureReader;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.gpu.GpuCatalogue;
import dev.fitcheck.memory.gpu.GpuUsage;
import dev.fitcheck.memory.plan.MemoryAnalysis;
import dev.fitcheck.memory.plan.MemoryQuestion;
import dev.fitcheck.memory.plan.MemoryReport;
import dev.fitcheck.run.NvidiaSmi;
import dev.fitcheck.workspace.ModelMemorySpec;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.Workspace;

/**
 * Memory plans for the models of a workspace against its GPU: live from nvidia-smi when one
 * answers, else as fitcheck.yaml describes the GPU and its services. Shared by `memory` and `analyze`.
 */
final class MemoryPlans {

    private final Workspace ws;
    private final GpuUsage usage;
    private final GpuCatalogue catalogue;

    private MemoryPlans(Workspace ws, GpuUsage usage) {
        this.ws = ws;
        this.usage = usage;
        this.catalogue = GpuCatalogue.load(Workspaces.rules().resolve("gpus.yaml"));
    }

    /** @param live whether to ask nvidia-smi; {@code gpuIndex} which GPU it shows */
    static MemoryPlans of(Workspace ws, boolean live, int gpuIndex) {
        var gpu = ws.machine().gpu().orElseThrow(() -> new InputError(ws.file(), 1,
                "the workspace names no GPU; add machine.gpu (model and memory) to plan against it"));
        if (!live) {
            return new MemoryPlans(ws, GpuUsage.configured(gpu.model(), gpu.memory(), ws.services(),
                    "as fitcheck.yaml describes it (--no-live)"));
        }
        NvidiaSmi.Observation obs = new NvidiaSmi().observe();
        if (obs.snapshot().isEmpty() || obs.snapshot().get().gpus().stream().noneMatch(g -> g.index() == gpuIndex)) {
            return new MemoryPlans(ws, GpuUsage.configured(gpu.model(), gpu.memory(), ws.services(),
                    obs.snapshot().isEmpty() ? obs.reason() : "nvidia-smi shows no GPU " + gpuIndex));
        }
        return new MemoryPlans(ws, GpuUsage.live(obs.snapshot().get(), gpuIndex, ws.services()));
    }

    boolean describes(ModelSpec m) {
        return m.memory().isPresent();
    }

    MemoryReport plan(ModelSpec m, MemoryQuestion question) {
        ModelMemorySpec mem = m.memory().orElseThrow(() -> new InputError(ws.file(), 1, "model '" + m.name()
                + "' has no 'memory' block; add its configs (language, vision, audio, projector) to plan its memory"));
        ArchitectureReader reader = new ArchitectureReader();
        ModelArchitecture arch = reader.fromConfigs(m.name(), mem.configs());
        if (mem.weights().isPresent()) {
            arch = reader.withCheckpoint(arch, mem.weights().get());
        }
        return new MemoryAnalysis().analyze(m.name(), m.card().title(), arch, usage, catalogue, question);
    }
}
