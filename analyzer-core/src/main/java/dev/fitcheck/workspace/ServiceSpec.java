package dev.fitcheck.workspace;

import dev.fitcheck.memory.ByteSize;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Another program that uses the same GPU. {@code match} recognises its processes in nvidia-smi
 * (a regular expression tried against the process name and its command line); {@code memory} is
 * what it uses when no live reading is possible; {@code stop} and {@code start} are argument lists.
 */
public record ServiceSpec(
        String name,
        String description,
        Pattern match,
        Optional<ByteSize> memory,
        List<String> stop,
        List<String> start) {

    public ServiceSpec {
        stop = List.copyOf(stop);
        start = List.copyOf(start);
    }

    public boolean matches(String processNameOrCommandLine) {
        return match.matcher(processNameOrCommandLine).find();
    }
}
