package dev.fitcheck.run;

import dev.fitcheck.memory.gpu.GpuProcess;
import dev.fitcheck.memory.gpu.GpuSnapshot;
import dev.fitcheck.memory.gpu.NvidiaSmiCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the GPU now: runs nvidia-smi's two CSV queries and reads each process's command line
 * from /proc, so services can be matched by what they run, not only by their executable's name.
 */
public final class NvidiaSmi {

    /** Why there is no snapshot, when there is none. */
    public record Observation(Optional<GpuSnapshot> snapshot, String reason) {
    }

    private final String executable;

    public NvidiaSmi() {
        this("nvidia-smi");
    }

    public NvidiaSmi(String executable) {
        this.executable = executable;
    }

    public Observation observe() {
        try {
            String gpus = run("--query-gpu=" + NvidiaSmiCsv.GPU_QUERY);
            String apps = run("--query-compute-apps=" + NvidiaSmiCsv.APPS_QUERY);
            List<GpuProcess> processes = new ArrayList<>();
            for (GpuProcess p : NvidiaSmiCsv.processes(apps)) {
                processes.add(p.withCommandLine(commandLine(p.pid())));
            }
            return new Observation(Optional.of(new GpuSnapshot(NvidiaSmiCsv.gpus(gpus), processes)), "nvidia-smi");
        } catch (IOException e) {
            return new Observation(Optional.empty(), "no nvidia-smi on this machine (" + e.getMessage() + ")");
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Observation(Optional.empty(), e.getMessage());
        }
    }

    private String run(String query) throws IOException {
        Process p = new ProcessBuilder(executable, query, "--format=csv,noheader,nounits").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("nvidia-smi did not answer within 30 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("nvidia-smi failed (exit " + p.exitValue() + "): "
                        + out.lines().findFirst().orElse(""));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nvidia-smi");
        }
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException | SecurityException e) {
            // another user's process or one that ended: match it by name alone
            return null;
        }
    }
}
