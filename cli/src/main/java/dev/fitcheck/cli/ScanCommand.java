package dev.fitcheck.cli;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.fetch.CacheLocation;
import dev.fitcheck.java.ReleaseSelection;
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
 * {@code fitcheck scan PATH}: a Maven project (a pom.xml in PATH) through {@link MavenScan}, any
 * other tree as Python sources through {@link PythonScan}.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Symbol references and the range of releases each dependency allows, for a source tree "
                + "(Python sources, or a Maven project when PATH holds a pom.xml).")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", defaultValue = ".", paramLabel = "PATH", description = "Project directory or pom.xml (default: .).")
    Path path;

    @Option(names = "--versions", defaultValue = "newer", paramLabel = "SPEC",
            description = "Releases to check: newer (the resolved one and every later release; default), all, "
                    + "or a Maven range such as [20.0,22.0].")
    String versions;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "Maven settings to use instead of ~/.m2/settings.xml (mirrors, local repository), as mvn -s.")
    Path settings;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
    Path sarif;

    @Option(names = "--catalogue-dir", paramLabel = "DIR",
            description = "The catalogue store, shared by every ecosystem; Java catalogues are kept in it as "
                    + "maven/GROUP/ARTIFACT.json.gz (default: ~/.cache/fitcheck/catalogues).")
    Path catalogueDir;

    @Option(names = {"-p", "--package"}, paramLabel = "P",
            description = "Python: only these packages (repeatable; default: every catalogued package the code uses).")
    List<String> packages = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<Path> maybePom = MavenProjects.findPom(path);
        if (maybePom.isEmpty()) {
            if (sarif != null) {
                throw new InputError("--sarif: a Python scan has no breaks to report; use `fitcheck gate --sarif` instead");
            }
            return PythonScan.run(path, packages, json, spec.commandLine().getOut());
        }
        Path pom = maybePom.get();
        MavenScan.Options options = new MavenScan.Options(ReleaseSelection.parse(versions), json, Optional.ofNullable(sarif),
                catalogueDir != null ? catalogueDir : CacheLocation.catalogues(),
                MavenSettingsReader.read(Optional.ofNullable(settings)));
        return MavenScan.run(pom, options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
