package dev.fitcheck.testing;

import dev.fitcheck.env.CreateRequest;
import dev.fitcheck.env.Creation;
import dev.fitcheck.env.EnvironmentLayout;
import dev.fitcheck.env.EnvironmentSpec;
import dev.fitcheck.env.ExecutableLookup;
import dev.fitcheck.env.InstallListener;
import dev.fitcheck.env.InstallerKind;
import dev.fitcheck.env.Installers;
import dev.fitcheck.env.LocalEnvironments;
import dev.fitcheck.process.ProcessRunner;
import dev.fitcheck.workspace.EnvironmentPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A second fitcheck process for tests that need one: creates one environment and prints its
 * outcome. Arguments: workspace wheelhouse uv-cache installer model requirement...
 */
public final class CreateEnvironmentMain {

    private CreateEnvironmentMain() {
    }

    public static void main(String[] args) {
        Path workspace = Path.of(args[0]);
        Path wheels = Path.of(args[1]);
        Path cache = Path.of(args[2]);
        InstallerKind installer = InstallerKind.valueOf(args[3]);
        String model = args[4];
        String[] reqs = Arrays.copyOfRange(args, 5, args.length);
        EnvironmentSpec spec = TestModels.spec(model, workspace, installer, wheels, EnvironmentPolicy.none(), reqs);
        InstallListener listener = (m, message) -> System.out.println("phase: " + message);
        ProcessRunner runner = new ProcessRunner();
        Creation c = new LocalEnvironments(new Installers(ExecutableLookup.fromEnvironment(), runner), Clock.systemUTC())
                .create(new CreateRequest(new EnvironmentLayout(workspace), List.of(spec), false, listener,
                        Map.of("UV_CACHE_DIR", cache.toString(), "PIP_CACHE_DIR", cache.resolve("pip").toString())))
                .creations().get(0);
        System.out.println("outcome: " + c.outcome());
        c.failure().ifPresent(f -> System.out.println(f.summary()));
        System.exit(c.failed() ? 1 : 0);
    }

    /** The command that runs this class in a new JVM with the test class path. */
    public static List<String> command(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CreateEnvironmentMain.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
