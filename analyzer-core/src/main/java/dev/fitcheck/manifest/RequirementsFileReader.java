package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pip's requirements format, read as pip reads it: {@code \}-continued lines joined, comments
 * ({@code #} at the start or after whitespace, so a URL's {@code #egg=} stays) dropped, a line cut
 * into a requirement and its options at the first word starting with {@code -}, options read as
 * shell words. {@code -r} and {@code -c} files are read relative to the file that names them, and
 * an include cycle is an error naming every step. Environment variables are left as written.
 */
public final class RequirementsFileReader implements ManifestFormatReader {

    /** One line as written and where it is; continuation lines are joined before this. */
    record SourceLine(String text, SourceLocation location) {
    }

    /** A step of the include chain: {@code at} (in {@code file}) includes {@code target}. */
    record Include(Path file, SourceLocation at, String target) {
        String describe() {
            return at.display() + " includes " + target;
        }
    }

    @Override
    public ManifestResult read(Path file) {
        ManifestCollector out = new ManifestCollector();
        readFile(file, null, false, List.of(), out);
        return out.result(file, ManifestKind.REQUIREMENTS);
    }

    /**
     * Reads one file of the include tree.
     *
     * @param via   the include that named it, null for the file the user gave
     * @param chain the includes that led here, outermost first
     */
    static void readFile(Path file, Include via, boolean constraint, List<Include> chain, ManifestCollector out) {
        Path identity = identity(file);
        List<Include> steps = new ArrayList<>(chain);
        if (via != null) {
            steps.add(via);
        }
        for (int k = 0; k < steps.size(); k++) {
            if (identity(steps.get(k).file()).equals(identity)) {
                List<String> cycle = new ArrayList<>();
                for (Include step : steps.subList(k, steps.size())) {
                    cycle.add(step.describe());
                }
                throw new InputError(via.at(), "include cycle: " + String.join(", ", cycle));
            }
        }
        String text = ManifestText.read(file, via == null ? null : via.at(), via == null ? null : via.target());
        out.filesRead.add(file);
        List<SourceLine> lines = new ArrayList<>();
        int n = 0;
        for (String line : ManifestText.lines(text)) {
            lines.add(new SourceLine(line, SourceLocation.of(file, ++n)));
        }
        readLines(lines, file, constraint, steps, out);
    }

    /**
     * Reads requirement lines; {@code from} is the file they belong to (includes resolve against
     * its directory). Conda's {@code pip:} list comes through here with its YAML lines.
     */
    static void readLines(List<SourceLine> physical, Path from, boolean constraint, List<Include> chain, ManifestCollector out) {
        for (SourceLine line : logicalLines(physical)) {
            String text = withoutComment(line.text());
            if (!text.isEmpty()) {
                readLine(text, line.location(), from, constraint, chain, out);
            }
        }
    }

    private static void readLine(String text, SourceLocation at, Path from, boolean constraint, List<Include> chain,
            ManifestCollector out) {
        // pip: the requirement is every space-separated word before the first that starts with '-'
        String[] tokens = text.split(" ", -1);
        int split = 0;
        while (split < tokens.length && !tokens[split].startsWith("-")) {
            split++;
        }
        String requirement = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, split)).strip();
        List<PipArguments.Word> words = new ArrayList<>();
        for (String w : ShellLexer.words(String.join(" ", java.util.Arrays.copyOfRange(tokens, split, tokens.length)))) {
            words.add(new PipArguments.Word(w, at, false));
        }
        PipArguments args = PipArguments.parse(words);
        for (PipArguments.Word stray : args.positional) {
            out.warn(at, "\"" + stray.text() + "\" after the options is ignored");
        }
        if (!requirement.isEmpty()) {
            Requirement r = parseRequirement(requirement, at);
            List<String> hashes = new ArrayList<>();
            List<String> options = new ArrayList<>();
            for (PipArguments.Option o : args.options) {
                if (o.option() == PipOption.HASH) {
                    hashes.add(o.value());
                } else if (o.option() != null && o.option().scope == PipOption.Scope.REQUIREMENT) {
                    options.add(o.normalized());
                } else if (o.option() == null) {
                    out.warn(at, "unknown option " + o.written() + " is ignored");
                } else {
                    out.warn(at, o.written() + " cannot follow a requirement on its line and is ignored, as pip ignores it");
                }
            }
            out.requirement(r.withOptions(false, hashes, options), constraint);
            return;
        }
        for (PipArguments.Option o : args.options) {
            option(o, at, from, constraint, chain, out);
        }
    }

    private static void option(PipArguments.Option o, SourceLocation at, Path from, boolean constraint,
            List<Include> chain, ManifestCollector out) {
        if (o.option() == null) {
            out.warn(at, "unknown option " + o.written() + " is ignored");
            return;
        }
        switch (o.option()) {
            case REQUIREMENT, CONSTRAINT -> include(o, at, from, chain, out);
            case EDITABLE -> out.requirement(parseRequirement(o.value(), at).withOptions(true, List.of(), List.of()), constraint);
            case INDEX_URL -> out.option(IndexOption.Kind.INDEX_URL, o.value(), at);
            case EXTRA_INDEX_URL -> out.option(IndexOption.Kind.EXTRA_INDEX_URL, o.value(), at);
            case FIND_LINKS -> out.option(IndexOption.Kind.FIND_LINKS, o.value(), at);
            case NO_INDEX -> out.option(IndexOption.Kind.NO_INDEX, null, at);
            case PRE -> out.option(IndexOption.Kind.PRE, null, at);
            case TRUSTED_HOST -> out.option(IndexOption.Kind.TRUSTED_HOST, o.value(), at);
            case NO_BINARY, ONLY_BINARY, PREFER_BINARY, REQUIRE_HASHES, USE_FEATURE -> {
                // installer preferences: they change how packages are fetched, not which versions fit
            }
            default -> out.warn(at, o.option().scope == PipOption.Scope.REQUIREMENT
                    ? o.written() + " needs a requirement before it on the same line and is ignored"
                    : o.written() + " is a command-line option, not allowed in a requirements file, and is ignored");
        }
    }

    private static void include(PipArguments.Option o, SourceLocation at, Path from, List<Include> chain, ManifestCollector out) {
        String target = o.value();
        if (target.contains("://") && !target.startsWith("file:")) {
            out.warn(at, "remote requirements file " + target + " is not read");
            return;
        }
        String local = target.startsWith("file://") ? target.substring("file://".length())
                : target.startsWith("file:") ? target.substring("file:".length()) : target;
        Path base = from.getParent();
        Path file = base == null ? Path.of(local) : base.resolve(local);
        readFile(file.normalize(), new Include(from, at, target), o.option() == PipOption.CONSTRAINT, chain, out);
    }

    static Requirement parseRequirement(String text, SourceLocation at) {
        try {
            return RequirementArgument.parse(text, at);
        } catch (InvalidRequirementException e) {
            throw new InputError(at, e.getMessage());
        }
    }

    /** pip's join_lines: a line ending in {@code \} continues on the next, unless it is a comment. */
    static List<SourceLine> logicalLines(List<SourceLine> physical) {
        List<SourceLine> out = new ArrayList<>();
        StringBuilder joined = null;
        SourceLocation first = null;
        for (SourceLine line : physical) {
            String t = line.text();
            boolean comment = t.stripLeading().startsWith("#") && (t.startsWith("#") || isSpace(t.charAt(0)));
            if (!t.endsWith("\\") || comment) {
                String piece = comment ? " " + t : t;
                if (joined != null) {
                    out.add(new SourceLine(joined.append(piece).toString(), first));
                    joined = null;
                } else {
                    out.add(new SourceLine(piece, line.location()));
                }
            } else {
                if (joined == null) {
                    joined = new StringBuilder();
                    first = line.location();
                }
                joined.append(stripBackslashes(t));
            }
        }
        if (joined != null) {
            out.add(new SourceLine(joined.toString(), first));
        }
        return out;
    }

    /** Drops {@code #...} where the {@code #} starts the line or follows whitespace, then trims. */
    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || isSpace(line.charAt(i - 1)))) {
                line = line.substring(0, i);
                break;
            }
        }
        return dev.fitcheck.version.PythonWhitespace.strip(line);
    }

    private static String stripBackslashes(String t) {
        int start = 0;
        int end = t.length();
        while (start < end && t.charAt(start) == '\\') {
            start++;
        }
        while (end > start && t.charAt(end - 1) == '\\') {
            end--;
        }
        return t.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return dev.fitcheck.version.PythonWhitespace.is(c);
    }

    /** The file itself, however the path to it was spelled. */
    private static Path identity(Path file) {
        try {
            return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
