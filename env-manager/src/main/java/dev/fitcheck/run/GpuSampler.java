package dev.fitcheck.run;

import dev.fitcheck.process.CommandOutcome;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples GPU memory through nvidia-smi while a command runs. One reading before the command
 * starts is the baseline (other processes, such as the services beside the model); the highest
 * reading while it runs is the peak. Readings are of the device the command uses: the first one
 * CUDA_VISIBLE_DEVICES names, else GPU 0.
 */
public final class GpuSampler {

    private static final List<String> QUERY = List.of("--query-gpu=memory.used,memory.total",
            "--format=csv,noheader,nounits");

    private final Path nvidiaSmi;
    private final ProcessRunner runner;
    private final Duration interval;
    private final int device;

    public GpuSampler(Path nvidiaSmi, ProcessRunner runner, Duration interval, int device) {
        this.nvidiaSmi = nvidiaSmi;
        this.runner = runner;
        this.interval = interval;
        this.device = device;
    }

    /** The device a command with these variables uses: the first in CUDA_VISIBLE_DEVICES when it is a number. */
    public static int deviceOf(java.util.Map<String, String> env) {
        String v = env.getOrDefault("CUDA_VISIBLE_DEVICES", System.getenv("CUDA_VISIBLE_DEVICES"));
        if (v == null || v.isBlank()) return 0;
        try {
            return Integer.parseInt(v.split(",")[0].strip());
        } catch (NumberFormatException e) {
            return 0; // a GPU UUID; nvidia-smi's order cannot be matched to it cheaply
        }
    }

    public Optional<GpuMemoryReading> read() {
        try {
            CommandOutcome out = runner.run(ExternalCommand.of(nvidiaSmi.toString()).withArgs(QUERY)
                    .withTimeout(Duration.ofSeconds(10)));
            if (!out.succeeded()) return Optional.empty();
            return GpuMemoryReading.parse(out.stdout())
                    .flatMap(all -> all.stream().filter(r -> r.gpu() == device).findFirst());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts sampling now; the baseline is taken before this returns. */
    public Sampling start() {
        Optional<GpuMemoryReading> baseline = read();
        Sampling s = new Sampling(baseline);
        Thread t = new Thread(s::loop, "gpu-sampler");
        t.setDaemon(true);
        s.thread = t;
        t.start();
        return s;
    }

    /** A sampling in progress; {@link #stop()} ends it and returns the peak. */
    public final class Sampling {
        private final Optional<GpuMemoryReading> baseline;
        private final AtomicLong peak = new AtomicLong(-1);
        private final AtomicLong total = new AtomicLong(-1);
        private final AtomicInteger samples = new AtomicInteger();
        private volatile boolean running = true;
        private Thread thread;

        private Sampling(Optional<GpuMemoryReading> baseline) {
            this.baseline = baseline;
            baseline.ifPresent(this::record);
        }

        private void record(GpuMemoryReading r) {
            peak.accumulateAndGet(r.usedMiB(), Math::max);
            total.set(r.totalMiB());
            samples.incrementAndGet();
        }

        private void loop() {
            while (running) {
                read().ifPresent(this::record);
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        public Optional<GpuPeak> stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (baseline.isEmpty() && samples.get() == 0) {
                return Optional.empty();
            }
            return Optional.of(new GpuPeak(device, baseline.map(GpuMemoryReading::usedMiB).orElse(0L), peak.get(),
                    total.get(), samples.get()));
        }
    }
}
