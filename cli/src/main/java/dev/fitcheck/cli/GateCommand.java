package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.maven.ArtifactCoordinate;
import dev.fitcheck.maven.MavenSettingsReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fitcheck gate --upgrade g:a:v [PATH]}. For now it answers for Maven projects through
 * {@link MavenGate}; the Python gate ({@code --upgrade P==V} on a workspace) dispatches here when
 * PATH holds a pom.xml.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Pre-upgrade gate for CI: which source lines and which jars break if the upgrade lands "
                + "(exit 1 when anything breaks). Maven projects: a pom.xml in PATH.")
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A workspace (fitcheck.yaml or its directory) or a Maven project (pom.xml or its directory); "
                    + "default: ./fitcheck.yaml, else a pom.xml here, else the bundled fixtures/vidi.")
    Path path;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Same as PATH, for a workspace.")
    Path workspace;

    @Option(names = "--upgrade", paramLabel = "P==V|GROUP:ARTIFACT:VERSION",
            description = "The upgrade to try (repeatable): transformers==5.0.0 on a workspace, g:a:v on a Maven project.")
    List<String> upgrades = new ArrayList<>();

    @Option(names = "--requirements", arity = "2", paramLabel = "FILE",
            description = "BASE HEAD: take the upgrades from a changed requirements file (each exact pin that differs).")
    List<Path> requirements = new ArrayList<>();

    @Option(names = "--newest", description = "Try every declared dependency at its newest release (same flavour, no pre-releases).")
    boolean newest;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "Maven settings to use instead of ~/.m2/settings.xml (mirrors, local repository), as mvn -s.")
    Path settings;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the breaks as SARIF 2.1.0 for code scanning.")
    Path sarif;

    @Override
    public Integer call() {
        if (path != null && workspace != null) {
            throw new InputError("gate: give the project once, as PATH or with -w");
        }
        Path given = path != null ? path : workspace;
        Optional<Path> pom = MavenProjects.findPom(given != null ? given : Path.of("."));
        boolean python = upgrades.stream().anyMatch(u -> u.contains("==")) || !requirements.isEmpty()
                || (given != null && isWorkspace(given)) || pom.isEmpty();
        if (python) {
            List<PythonGate.Upgrade> parsed = new ArrayList<>(upgrades.stream().map(PythonGate.Upgrade::parse).toList());
            if (!requirements.isEmpty()) parsed.addAll(PythonGate.fromRequirements(requirements.get(0), requirements.get(1)));
            if (parsed.isEmpty()) {
                throw new InputError("gate: expected --upgrade PACKAGE==VERSION or --requirements BASE HEAD with a changed pin");
            }
            return PythonGate.run(given != null ? given : Workspaces.defaultPath(), parsed, json, Optional.ofNullable(sarif),
                    spec.commandLine().getOut());
        }
        if (upgrades.isEmpty() && !newest) {
            throw new InputError("gate: expected --upgrade GROUP:ARTIFACT:VERSION (or --newest)");
        }
        return maven(pom.get());
    }

    private static boolean isWorkspace(Path p) {
        return p.toString().endsWith(".yaml") || java.nio.file.Files.isRegularFile(p.resolve("fitcheck.yaml"));
    }

    private int maven(Path pom) {
        List<ArtifactCoordinate> parsed = upgrades.stream().map(u -> ArtifactCoordinate.parse(u, "--upgrade")).toList();
        return MavenGate.run(pom, new MavenGate.Options(parsed, newest, json, Optional.ofNullable(sarif),
                        MavenSettingsReader.read(Optional.ofNullable(settings))),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
