package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.process.ExternalCommand;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.process.RunningProcess;
import dev.fitcheck.process.OutputSink;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real nvidia-smi, on a machine with a GPU and torch (FITCHECK_GPU=1 ./test). */
@Tag("gpu")
class GpuSamplerGpuTest {

    @Test
    void samplesTheMemoryACudaProcessTakes() throws Exception {
        Path smi = ExecutableLookup.fromEnvironment().find("nvidia-smi").orElseThrow();
        ProcessRunner runner = new ProcessRunner();
        GpuSampler sampler = new GpuSampler(smi, runner, Duration.ofMillis(100), 0);
        GpuMemoryReading before = sampler.read().orElseThrow();
        assertThat(before.totalMiB()).isGreaterThan(1000);

        GpuSampler.Sampling s = sampler.start();
        // 4 GiB held for two seconds.
        RunningProcess p = runner.start(ExternalCommand.of("python3", "-c",
                "import torch, time; x = torch.empty(4 << 30, dtype=torch.uint8, device='cuda'); time.sleep(2)"),
                OutputSink.NONE, true);
        assertThat(p.await().succeeded()).isTrue();
        GpuPeak peak = s.stop().orElseThrow();

        assertThat(peak.commandPeakMiB()).isGreaterThanOrEqualTo(4096);
        assertThat(peak.totalMiB()).isEqualTo(before.totalMiB());
    }
}
