package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine the models share: its GPU, when given the interpreter environments start from (the
 * base whose packages they inherit), and where its installers get packages.
 */
public record MachineSpec(Optional<GpuSpec> gpu, Optional<Path> basePython, PackageSources packages) {

    public MachineSpec(Optional<GpuSpec> gpu, Optional<Path> basePython) {
        this(gpu, basePython, PackageSources.defaults());
    }
}
