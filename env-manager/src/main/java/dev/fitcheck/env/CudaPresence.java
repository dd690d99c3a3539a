package dev.fitcheck.env;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this machine can build and run CUDA packages, and why fitcheck thinks so: the NVIDIA
 * driver's {@code nvidia-smi} or the toolkit's {@code nvcc} on the search path (or under
 * CUDA_HOME). Packages marked {@code skip_without_cuda} are left out where neither is found.
 */
public record CudaPresence(boolean available, String evidence) {

    public static CudaPresence present(String evidence) {
        return new CudaPresence(true, evidence);
    }

    public static CudaPresence absent(String evidence) {
        return new CudaPresence(false, evidence);
    }

    public static CudaPresence detect(ExecutableLookup path, Optional<Path> cudaHome) {
        Optional<Path> smi = path.find("nvidia-smi");
        if (smi.isPresent()) {
            return present("nvidia-smi at " + smi.get());
        }
        Optional<Path> nvcc = path.find("nvcc")
                .or(() -> cudaHome.map(h -> h.resolve("bin/nvcc")).filter(p -> p.toFile().canExecute()));
        if (nvcc.isPresent()) {
            return present("nvcc at " + nvcc.get());
        }
        return absent("no nvidia-smi or nvcc on PATH");
    }

    public static CudaPresence detect() {
        return detect(ExecutableLookup.fromEnvironment(),
                Optional.ofNullable(System.getenv("CUDA_HOME")).map(Path::of));
    }
}
