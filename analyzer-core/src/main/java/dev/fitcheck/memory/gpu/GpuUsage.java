package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.workspace.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GPU as the plan sees it: its capacity, what the workspace's services use (matched to
 * nvidia-smi's processes by name and command line, or taken from fitcheck.yaml), what other
 * processes use, and a sentence saying which of the two it is.
 */
public record GpuUsage(
        String gpuName,
        ByteSize total,
        List<ServiceUsage> services,
        ByteSize others,
        boolean live,
        String source) {

    public GpuUsage {
        services = List.copyOf(services);
    }

    /** Memory free for a model with every service running. */
    public ByteSize available() {
        ByteSize used = others;
        for (ServiceUsage s : services) {
            used = used.plus(s.memory());
        }
        return total.minusOrZero(used);
    }

    /** Matches a live snapshot's processes to the services; unmatched processes count as others. */
    public static GpuUsage live(GpuSnapshot snap, int index, List<ServiceSpec> services) {
        GpuReading gpu = snap.gpus().stream().filter(g -> g.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nvidia-smi shows no GPU " + index));
        List<ServiceUsage> usages = new ArrayList<>();
        long matched = 0;
        for (ServiceSpec s : services) {
            List<Long> pids = new ArrayList<>();
            long bytes = 0;
            for (GpuProcess p : snap.processes()) {
                if (s.matches(p.name()) || p.commandLine().map(s::matches).orElse(false)) {
                    pids.add(p.pid());
                    bytes += p.used().map(ByteSize::bytes).orElse(0L);
                }
            }
            matched += bytes;
            usages.add(new ServiceUsage(s.name(), pids, new ByteSize(bytes), true));
        }
        // nvidia-smi's used memory includes every context, even of processes it cannot list
        ByteSize others = gpu.used().minusOrZero(new ByteSize(matched));
        return new GpuUsage(gpu.name(), gpu.total(), usages, others, true,
                "nvidia-smi now: " + gpu.used().display() + " of " + gpu.total().display() + " used");
    }

    /** No GPU visible: the configured capacity and each service's configured memory. */
    public static GpuUsage configured(String gpuName, ByteSize total, List<ServiceSpec> services, String why) {
        List<ServiceUsage> usages = new ArrayList<>();
        for (ServiceSpec s : services) {
            usages.add(new ServiceUsage(s.name(), List.of(), s.memory().orElse(new ByteSize(0)), false));
        }
        return new GpuUsage(gpuName, total, usages, new ByteSize(0), false,
                why + "; using fitcheck.yaml's GPU and each service's configured memory");
    }

    public Optional<ServiceUsage> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }
}
