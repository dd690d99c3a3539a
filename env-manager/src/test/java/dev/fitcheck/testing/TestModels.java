package dev.fitcheck.testing;

import dev.fitcheck.env.CudaPresence;
import dev.fitcheck.env.DeclaredRequirement;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.IndexOptions;
import dev.fitcheck.env.InstallerKind;
import dev.fitcheck.env.InterpreterChoice;
import dev.fitcheck.env.InterpreterFinder;
import dev.fitcheck.env.SpecBuilder;
import dev.fitcheck.env.SpecRequest;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.EnvironmentPolicy;
import dev.fitcheck.workspace.ModelCard;
import dev.fitcheck.workspace.ModelSpec;
import dev.fitcheck.workspace.TestSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Models and specs for tests, built the way the command line builds them. */
public final class TestModels {

    private static InterpreterChoice python;

    private TestModels() {
    }

    /** This machine's Python 3.11 (the one the tests' helper scripts assume). */
    public static synchronized InterpreterChoice python() {
        if (python == null) {
            python = InterpreterFinder.forThisMachine(new ProcessRunner()).find("3.11", Optional.empty());
        }
        return python;
    }

    public static ModelSpec model(String name, Path dir, EnvironmentPolicy policy, Optional<TestSpec> test) {
        return new ModelSpec(name, dir, List.of(), List.of(dir), "3.11",
                new ModelCard(name, Optional.empty(), Optional.empty(), Map.of(), Optional.empty()),
                Optional.empty(), test, policy);
    }

    public static List<DeclaredRequirement> requirements(String... nameAndSpec) {
        return Arrays.stream(nameAndSpec).map(s -> {
            int i = 0;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "-_.".indexOf(s.charAt(i)) >= 0)) i++;
            return DeclaredRequirement.of(s.substring(0, i), s.substring(i));
        }).toList();
    }

    /** A spec for {@code model} with these requirement lines, from a wheelhouse with the index off. */
    public static EnvironmentSpec spec(String model, Path dir, InstallerKind installer, Path wheelhouse,
            EnvironmentPolicy policy, String... requirements) {
        return new SpecBuilder().build(new SpecRequest(model(model, dir, policy, Optional.empty()),
                requirements(requirements), Map.of(), CudaPresence.absent("tests run without CUDA"), python(),
                new IndexOptions(List.of(wheelhouse), true, Optional.empty(), List.of()), installer));
    }
}
