package dev.fitcheck.memory.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.workspace.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GpuUsageTest {

    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("cosyvoice", "", Pattern.compile("cosyvoice"), Optional.of(ByteSize.ofGiB(3.8)), List.of(), List.of()),
            new ServiceSpec("comfyui", "", Pattern.compile("ComfyUI|main\\.py --listen"), Optional.of(ByteSize.ofGiB(0.4)), List.of(), List.of()));

    @Test
    void parses_both_queries_with_or_without_units_and_header() {
        List<GpuReading> gpus = NvidiaSmiCsv.gpus("""
                index, name, memory.total [MiB], memory.used [MiB], memory.free [MiB]
                0, NVIDIA GeForce RTX 4090, 24564 MiB, 4302 MiB, 19800 MiB
                """);
        assertThat(gpus).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("NVIDIA GeForce RTX 4090");
            assertThat(g.total()).isEqualTo(ByteSize.ofMiB(24564));
        });
        List<GpuProcess> apps = NvidiaSmiCsv.processes("""
                20493, python3, 400
                31337, /opt/conda/bin/python, 3890
                4242, Xorg, [N/A]
                """);
        assertThat(apps).hasSize(3);
        assertThat(apps.get(2).used()).isEmpty();
    }

    @Test
    void matches_processes_to_services_by_name_or_command_line() {
        List<GpuProcess> apps = NvidiaSmiCsv.processes("20493, python3, 400\n31337, /opt/conda/bin/python, 3890\n555, blender, 100\n");
        GpuSnapshot snap = new GpuSnapshot(NvidiaSmiCsv.gpus("0, NVIDIA GeForce RTX 4090, 24564, 4500, 20064"), List.of(
                apps.get(0).withCommandLine("python3 main.py --listen 0.0.0.0 --port 8188"),
                apps.get(1).withCommandLine("/opt/conda/bin/python /workspace/cosyvoice/server.py"),
                apps.get(2)));
        GpuUsage u = GpuUsage.live(snap, 0, SERVICES);
        assertThat(u.service("comfyui").orElseThrow().pids()).containsExactly(20493L);
        assertThat(u.service("cosyvoice").orElseThrow().memory()).isEqualTo(ByteSize.ofMiB(3890));
        // blender and every context nvidia-smi cannot list count as others
        assertThat(u.others()).isEqualTo(ByteSize.ofMiB(4500 - 400 - 3890));
        assertThat(u.available()).isEqualTo(ByteSize.ofMiB(24564 - 4500));
    }

    @Test
    void without_a_gpu_the_configured_memory_stands_in_and_says_so() {
        GpuUsage u = GpuUsage.configured("NVIDIA GeForce RTX 4090", ByteSize.ofGiB(24), SERVICES, "no nvidia-smi on this machine");
        assertThat(u.live()).isFalse();
        assertThat(u.source()).contains("no nvidia-smi").contains("configured memory");
        assertThat(u.available()).isEqualTo(ByteSize.ofGiB(24).minusOrZero(ByteSize.ofGiB(3.8)).minusOrZero(ByteSize.ofGiB(0.4)));
    }

    @Test
    void the_catalogue_finds_gpus_by_nvidia_smi_name() {
        GpuCatalogue c = GpuCatalogue.load(Path.of(System.getProperty("fitcheck.repo", ".."), "rules", "gpus.yaml"));
        assertThat(c.find("NVIDIA H100 80GB HBM3")).hasValueSatisfying(k -> assertThat(k.bandwidthGBs()).isEqualTo(3350));
        assertThat(c.find("RTX 4090")).isPresent();
        assertThat(c.find("NVIDIA GeForce RTX 4090").orElseThrow().context()).isEmpty();
    }
}
