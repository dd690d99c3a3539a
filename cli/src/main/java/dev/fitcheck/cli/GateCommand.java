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

    @Parameters(index = "0", defaultValue = ".", paramLabel = "PATH", description = "Project directory or pom.xml (default: .).")
    Path path;

    @Option(names = "--upgrade", paramLabel = "GROUP:ARTIFACT:VERSION",
            description = "The upgrade to try (repeatable).")
    List<String> upgrades = new ArrayList<>();

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
        if (upgrades.isEmpty() && !newest) {
            throw new InputError("gate: expected --upgrade GROUP:ARTIFACT:VERSION (or --newest)");
        }
        Path pom = MavenProjects.findPom(path).orElseThrow(() -> new InputError(path
                + ": expected a Maven project (a pom.xml); the Python gate comes with the workspace commands"));
        List<ArtifactCoordinate> parsed = upgrades.stream().map(u -> ArtifactCoordinate.parse(u, "--upgrade")).toList();
        return MavenGate.run(pom, new MavenGate.Options(parsed, newest, json, Optional.ofNullable(sarif),
                        MavenSettingsReader.read(Optional.ofNullable(settings))),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
