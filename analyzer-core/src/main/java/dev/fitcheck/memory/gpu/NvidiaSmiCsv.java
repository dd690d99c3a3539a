package dev.fitcheck.memory.gpu;

import dev.fitcheck.memory.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses what {@code nvidia-smi --query-gpu=index,name,memory.total,memory.used,memory.free
 * --format=csv} and {@code --query-compute-apps=pid,process_name,used_memory --format=csv} print,
 * with or without the header line and units ("24564 MiB" or "24564").
 */
public final class NvidiaSmiCsv {

    public static final String GPU_QUERY = "index,name,memory.total,memory.used,memory.free";
    public static final String APPS_QUERY = "pid,process_name,used_memory";

    private NvidiaSmiCsv() {
    }

    public static List<GpuReading> gpus(String csv) {
        List<GpuReading> out = new ArrayList<>();
        for (String line : lines(csv)) {
            String[] f = split(line, 5);
            if (f.length != 5) {
                throw new IllegalArgumentException("nvidia-smi printed \"" + line + "\"; expected " + GPU_QUERY);
            }
            out.add(new GpuReading(Integer.parseInt(f[0]), f[1], mib(f[2]).orElseThrow(), mib(f[3]).orElseThrow(),
                    mib(f[4]).orElseThrow()));
        }
        return out;
    }

    public static List<GpuProcess> processes(String csv) {
        List<GpuProcess> out = new ArrayList<>();
        for (String line : lines(csv)) {
            if (line.startsWith("No running")) {
                continue;
            }
            String[] f = split(line, 3);
            if (f.length != 3) {
                throw new IllegalArgumentException("nvidia-smi printed \"" + line + "\"; expected " + APPS_QUERY);
            }
            out.add(new GpuProcess(Long.parseLong(f[0]), f[1], mib(f[2]), Optional.empty()));
        }
        return out;
    }

    private static List<String> lines(String csv) {
        List<String> out = new ArrayList<>();
        for (String raw : csv.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("index,") || line.startsWith("pid,")) {
                continue;
            }
            out.add(line);
        }
        return out;
    }

    /** Splits on commas; a name with commas in it (a process path) keeps them, as the last field is numeric. */
    private static String[] split(String line, int fields) {
        String[] all = line.split(",");
        if (all.length <= fields) {
            String[] f = new String[all.length];
            for (int i = 0; i < all.length; i++) {
                f[i] = all[i].strip();
            }
            return f;
        }
        String[] f = new String[fields];
        int extra = all.length - fields;
        f[0] = all[0].strip();
        f[1] = String.join(",", java.util.Arrays.copyOfRange(all, 1, 2 + extra)).strip();
        for (int i = 2; i < fields; i++) {
            f[i] = all[i + extra].strip();
        }
        return f;
    }

    private static Optional<ByteSize> mib(String text) {
        String t = text.replace("MiB", "").strip();
        if (t.startsWith("[") || t.equalsIgnoreCase("N/A")) {
            return Optional.empty();
        }
        return Optional.of(ByteSize.ofMiB(Double.parseDouble(t)));
    }
}
