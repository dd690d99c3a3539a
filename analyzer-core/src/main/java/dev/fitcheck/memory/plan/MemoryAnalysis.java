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
import dev.fitcheck.memory.alloc.AllocatorSettings;
import dev.fitcheck.memory.inference.VideoTokens;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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
        for (ConfigurationPlan p : plans) {
            long saved = p.need().bytes() - p.needExpandable().bytes();
            if (!p.fitsNow() && p.fitsNowExpandable()) {
                notes.add(p.configuration().label() + " fits with PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True (needs "
                        + p.needExpandable().display() + " instead of " + p.need().display()
                        + "): with the default segments, fragmentation costs the fit; set it before torch starts");
            } else if (saved > gpu.total().bytes() / 50) {
                notes.add(p.configuration().label() + ": PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True saves "
                        + new ByteSize(saved).display() + " of fragmentation");
            }
        }
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
        InferenceMemory mem = inferenceModel.estimate(arch, weights, req);
        long need = need(mem, context);
        long caches = mem.crossAttentionCacheBytes() + mem.textCacheBytes();
        long activations = Math.max(0, mem.beyondWeights() - caches);
        long available = gpu.available().bytes();
        long allStopped = available + gpu.services().stream().mapToLong(s -> s.memory().bytes()).sum();
        Optional<List<String>> stop = need <= available ? Optional.of(List.of()) : smallestStopSet(gpu, need - available);
        long needExpandable = need(inferenceModel.estimate(arch, weights, req.withAllocator(AllocatorSettings.EXPANDABLE)), context);
        Map<Double, Long> needs = new HashMap<>();
        return new ConfigurationPlan(c, weights, mem, new ByteSize(mem.weightsReserved()), new ByteSize(caches),
                new ByteSize(activations), context, new ByteSize(need), need <= available, new ByteSize(needExpandable),
                needExpandable <= available, stop,
                longestVideo(arch, weights, req, context, available, needs),
                longestVideo(arch, weights, req, context, allStopped, needs));
    }

    /** What the process holds from the driver at its peak: the allocator's reserved peak and the CUDA context. */
    static long need(InferenceMemory mem, ByteSize context) {
        return mem.peakReserved() + context.bytes();
    }

    /**
     * The longest video (on a 5-second grid, up to 3 hours) such that it and every shorter one fit.
     * Memory is not monotone in the video's length: Vidi 1.5 shrinks every frame's grid once all
     * frames would pass its token budget, so a longer video can have fewer tokens. Within a run
     * of lengths that share one grid it grows with the length, so each run is checked at its end
     * and, where that fails, bisected: a few dozen simulated inferences instead of two thousand.
     */
    private double longestVideo(ModelArchitecture arch, WeightPlan weights, InferenceRequest req, ByteSize context,
            long available, Map<Double, Long> needs) {
        int points = (int) (SCAN_LIMIT_SECONDS / SCAN_STEP_SECONDS) + 1;
        double longest = -1;
        int start = 0;
        while (start < points) {
            int end = start;
            int grid = gridOf(arch, start * SCAN_STEP_SECONDS);
            while (end + 1 < points && gridOf(arch, (end + 1) * SCAN_STEP_SECONDS) == grid) {
                end++;
            }
            if (needAt(arch, weights, req, context, end * SCAN_STEP_SECONDS, needs) <= available) {
                longest = end * SCAN_STEP_SECONDS;
                start = end + 1;
                continue;
            }
            int lo = start - 1;
            int hi = end;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (needAt(arch, weights, req, context, mid * SCAN_STEP_SECONDS, needs) <= available) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo >= start ? lo * SCAN_STEP_SECONDS : longest;
        }
        return longest;
    }

    private static int gridOf(ModelArchitecture arch, double seconds) {
        if (seconds <= 0 || arch.projector().isEmpty()) {
            return seconds <= 0 ? -1 : 0;
        }
        return VideoTokens.of(arch, seconds).tokensPerFrame();
    }

    private long needAt(ModelArchitecture arch, WeightPlan weights, InferenceRequest req, ByteSize context, double seconds,
            Map<Double, Long> needs) {
        return needs.computeIfAbsent(seconds, s -> need(inferenceModel.estimate(arch, weights, req.withVideoSeconds(s)), context));
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
