package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.gpu.GpuCatalogue;
import dev.fitcheck.memory.gpu.GpuKind;
import dev.fitcheck.memory.gpu.GpuUsage;
import dev.fitcheck.memory.gpu.ServiceUsage;
import dev.fitcheck.memory.inference.InferenceMemory;
import dev.fitcheck.memory.inference.InferenceMemoryModel;
import dev.fitcheck.memory.inference.InferenceRequest;
import dev.fitcheck.memory.arch.ModelArchitecture;
import dev.fitcheck.memory.quant.WeightPlan;
import dev.fitcheck.memory.quant.WeightPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes a {@link MemoryReport}: for each {@link LoadConfiguration}, what the model needs to
 * answer the question (reserved weights, caches, activation peak, CUDA context), whether that fits
 * beside the services as they run now, which smallest set of services to stop otherwise, and the
 * longest video that fits, with the services running and with all of them stopped.
 */
public final class MemoryAnalysis {

    /** Longest-video search: every 5 seconds up to 3 hours. */
    static final double SCAN_STEP_SECONDS = 5;
    static final double SCAN_LIMIT_SECONDS = 3 * 3600;

    private final WeightPlanner weightPlanner = new WeightPlanner();
    private final InferenceMemoryModel inferenceModel = new InferenceMemoryModel();

    public MemoryReport analyze(String model, String title, ModelArchitecture arch, GpuUsage gpu, GpuCatalogue catalogue,
            MemoryQuestion question) {
        Optional<GpuKind> kind = catalogue.find(gpu.gpuName());
        ByteSize context = kind.flatMap(GpuKind::context).orElse(catalogue.defaultContext());
        String contextSource = kind.flatMap(GpuKind::context).isPresent()
                ? "measured for " + kind.get().name() + " (" + kind.get().sources().getOrDefault("context", "") + ")"
                : "not measured for " + gpu.gpuName() + "; rules/gpus.yaml's default";
        List<ConfigurationPlan> plans = new ArrayList<>();
        for (LoadConfiguration c : LoadConfiguration.values()) {
            plans.add(plan(arch, c, gpu, context, question));
        }
        List<String> notes = new ArrayList<>(arch.notes());
        if (!gpu.live()) {
            notes.add(gpu.source());
        }
        return new MemoryReport(model, title, arch, gpu, context, contextSource, question, plans, notes);
    }

    private ConfigurationPlan plan(ModelArchitecture arch, LoadConfiguration c, GpuUsage gpu, ByteSize context,
            MemoryQuestion q) {
        WeightPlan weights = weightPlanner.plan(arch, c.scheme(arch));
        InferenceRequest req = new InferenceRequest(q.videoSeconds(), q.context(), q.decodeSteps(), c.activations(),
                q.textCache(arch.language().family()), false);
        InferenceMemory mem = inferenceModel.estimate(arch, req);
        long need = need(arch, weights, mem, context, c);
        long caches = mem.crossAttentionCacheBytes() + mem.textCacheBytes();
        long activations = Math.max(0, mem.peak() - caches);
        long available = gpu.available().bytes();
        long allStopped = available + gpu.services().stream().mapToLong(s -> s.memory().bytes()).sum();
        Optional<List<String>> stop = need <= available ? Optional.of(List.of()) : smallestStopSet(gpu, need - available);
        return new ConfigurationPlan(c, weights, mem, new ByteSize(weights.allocatorBytes()), new ByteSize(caches),
                new ByteSize(activations), context, new ByteSize(need), need <= available, stop,
                longestVideo(arch, weights, req, context, c, available),
                longestVideo(arch, weights, req, context, c, allStopped));
    }

    /** Reserved bytes: the weights as the allocator holds them, the inference peak, cache rounding, the context. */
    long need(ModelArchitecture arch, WeightPlan weights, InferenceMemory mem, ByteSize context, LoadConfiguration c) {
        long rounding = Math.max(0, InferenceMemoryModel.reservedCaches(arch, mem, c.activations().bytes())
                - mem.crossAttentionCacheBytes());
        return weights.allocatorBytes() + mem.peak() + rounding + context.bytes();
    }

    private double longestVideo(ModelArchitecture arch, WeightPlan weights, InferenceRequest req, ByteSize context,
            LoadConfiguration c, long available) {
        double longest = -1;
        for (double s = 0; s <= SCAN_LIMIT_SECONDS; s += SCAN_STEP_SECONDS) {
            InferenceMemory m = inferenceModel.estimate(arch, req.withVideoSeconds(s));
            if (need(arch, weights, m, context, c) > available) {
                break;
            }
            longest = s;
        }
        return longest;
    }

    /** The fewest services whose memory covers {@code missing}; among those, the one freeing least. */
    static Optional<List<String>> smallestStopSet(GpuUsage gpu, long missing) {
        List<ServiceUsage> services = gpu.services();
        int n = services.size();
        List<List<ServiceUsage>> candidates = new ArrayList<>();
        for (int mask = 1; mask < (1 << n); mask++) {
            List<ServiceUsage> set = new ArrayList<>();
            long freed = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(services.get(i));
                    freed += services.get(i).memory().bytes();
                }
            }
            if (freed >= missing) {
                candidates.add(set);
            }
        }
        return candidates.stream()
                .min(Comparator.<List<ServiceUsage>>comparingInt(List::size)
                        .thenComparingLong(s -> s.stream().mapToLong(u -> u.memory().bytes()).sum()))
                .map(s -> s.stream().map(ServiceUsage::service).toList());
    }
}
