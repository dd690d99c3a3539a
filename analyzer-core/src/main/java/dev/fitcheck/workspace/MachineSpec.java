package dev.fitcheck.workspace;

import java.nio.file.Path;
import java.util.Optional;

/** The machine the models share: its GPU and, when given, the interpreter environments start from. */
public record MachineSpec(Optional<GpuSpec> gpu, Optional<Path> basePython) {
}
