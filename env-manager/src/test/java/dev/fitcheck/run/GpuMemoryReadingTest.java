package dev.fitcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuMemoryReadingTest {

    @Test
    void readsOneLinePerGpu() {
        assertThat(GpuMemoryReading.parse("4210, 24564\n1, 81559\n")).hasValue(List.of(
                new GpuMemoryReading(0, 4210, 24564), new GpuMemoryReading(1, 1, 81559)));
    }

    @Test
    void readsWhatAnH200Printed() {
        // nvidia-smi --query-gpu=memory.used,memory.total --format=csv,noheader,nounits on an idle H200
        assertThat(GpuMemoryReading.parse("0, 143771\n")).hasValue(List.of(new GpuMemoryReading(0, 0, 143771)));
    }

    @Test
    void aDriverErrorIsNoReading() {
        assertThat(GpuMemoryReading.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
                + "Make sure that the latest NVIDIA driver is installed and running.")).isEmpty();
        assertThat(GpuMemoryReading.parse("[N/A], [N/A]")).isEmpty();
        assertThat(GpuMemoryReading.parse("")).isEmpty();
    }
}
