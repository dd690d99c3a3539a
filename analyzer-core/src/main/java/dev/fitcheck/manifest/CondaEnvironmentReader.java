package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conda environment file: {@code channels}, and {@code dependencies} whose strings are conda
 * specs and whose {@code pip:} list is handed to pip as a requirements file (so {@code -r} lines
 * in it resolve next to the environment file, as conda does it).
 */
public final class CondaEnvironmentReader implements ManifestFormatReader {

    private static final Set<String> KNOWN_KEYS = Set.of("name", "channels", "dependencies", "prefix", "variables");

    @Override
    public ManifestResult read(Path file) {
        String text = ManifestText.read(file, null, null);
        LocatedYaml.Node root = LocatedYaml.parse(text, file);
        ManifestCollector out = new ManifestCollector();
        out.filesRead.add(file);
        if (root == null) {
            out.warn(SourceLocation.wholeFile(file), "the environment file is empty");
            return out.result(file, ManifestKind.CONDA_ENVIRONMENT);
        }
        if (!(root instanceof LocatedYaml.Mapping top)) {
            throw new InputError(SourceLocation.of(file, root.line()), "expected a mapping with name, channels and dependencies");
        }
        for (Map.Entry<String, Integer> key : top.keyLines().entrySet()) {
            if (!KNOWN_KEYS.contains(key.getKey())) {
                out.warn(SourceLocation.of(file, key.getValue()), "unknown key \"" + key.getKey() + "\" is ignored");
            }
        }
        LocatedYaml.Node channels = top.entries().get("channels");
        if (channels != null) {
            for (LocatedYaml.Scalar channel : strings(file, channels, "channels")) {
                out.option(IndexOption.Kind.CONDA_CHANNEL, channel.value(), SourceLocation.of(file, channel.line()));
            }
        }
        LocatedYaml.Node dependencies = top.entries().get("dependencies");
        if (dependencies == null) {
            out.warn(SourceLocation.wholeFile(file), "no dependencies are listed");
            return out.result(file, ManifestKind.CONDA_ENVIRONMENT);
        }
        if (!(dependencies instanceof LocatedYaml.Sequence list)) {
            throw new InputError(SourceLocation.of(file, dependencies.line()), "dependencies must be a list of conda specs and a pip: list");
        }
        for (LocatedYaml.Node item : list.items()) {
            SourceLocation at = SourceLocation.of(file, item.line());
            if (item instanceof LocatedYaml.Scalar spec && spec.value() != null) {
                Requirement r;
                try {
                    r = CondaMatchSpec.parse(spec.value(), at, out);
                } catch (InvalidRequirementException e) {
                    throw new InputError(at, e.getMessage());
                }
                out.requirement(r, false);
                if (r.name().equals("python") && !r.specifier().isEmpty() && out.requiresPython == null) {
                    out.requiresPython = new RequiresPython(r.specifier(), at);
                }
            } else if (item instanceof LocatedYaml.Mapping m && m.entries().size() == 1 && m.entries().containsKey("pip")) {
                List<RequirementsFileReader.SourceLine> lines = new ArrayList<>();
                for (LocatedYaml.Scalar line : strings(file, m.entries().get("pip"), "the pip: list")) {
                    lines.add(new RequirementsFileReader.SourceLine(line.value(), SourceLocation.of(file, line.line())));
                }
                RequirementsFileReader.readLines(lines, file, false, List.of(), out);
            } else {
                throw new InputError(at, "expected a conda spec such as numpy>=1.26 or a pip: list, found " + describe(item));
            }
        }
        return out.result(file, ManifestKind.CONDA_ENVIRONMENT);
    }

    private static List<LocatedYaml.Scalar> strings(Path file, LocatedYaml.Node node, String what) {
        if (!(node instanceof LocatedYaml.Sequence list)) {
            throw new InputError(SourceLocation.of(file, node.line()), what + " must be a list of strings");
        }
        List<LocatedYaml.Scalar> out = new ArrayList<>();
        for (LocatedYaml.Node item : list.items()) {
            if (!(item instanceof LocatedYaml.Scalar s) || s.value() == null) {
                throw new InputError(SourceLocation.of(file, item.line()), what + " must be a list of strings, found " + describe(item));
            }
            out.add(s);
        }
        return out;
    }

    private static String describe(LocatedYaml.Node node) {
        if (node instanceof LocatedYaml.Mapping m) {
            return "a mapping with keys " + m.entries().keySet();
        }
        if (node instanceof LocatedYaml.Sequence) {
            return "a list";
        }
        return "an empty entry";
    }
}
