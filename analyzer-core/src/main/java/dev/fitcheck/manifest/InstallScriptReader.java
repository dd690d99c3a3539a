package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code pip install} commands in a shell script such as install.sh, which is where model
 * repositories pin torch (with its CUDA index) and flash-attn. A command counts when its program is
 * {@code pip}, {@code pip3}, {@code pip3.10}, {@code python[3[.X]] -m pip} (also through a variable
 * such as {@code $PYTHON}) or {@code uv pip}, possibly behind {@code sudo}, {@code env},
 * assignments, {@code if}/{@code then}; commands are split at {@code && || ; | &} and newlines.
 * Comments, {@code echo "pip install x"}, here-document bodies and {@code pip uninstall} are not
 * installs. {@code conda|mamba install|create} specs are read as conda requirements. Each
 * requirement's location is the script line its word is on.
 */
public final class InstallScriptReader implements ManifestFormatReader {

    private static final Pattern PIP = Pattern.compile("pip[0-9]*(\\.[0-9]+)?");
    private static final Pattern PYTHON = Pattern.compile("python[0-9]*(\\.[0-9]+)?[mtw]?|py");
    private static final Pattern CONDA = Pattern.compile("conda|mamba|micromamba");
    private static final Set<String> CONDA_VALUE_OPTIONS = Set.of("-n", "--name", "-p", "--prefix", "-c", "--channel",
            "--file", "--solver", "--repodata-fn", "--subdir", "--platform", "-C");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?\\+?=.*", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}",
            "time", "exec", "command", "nohup", "builtin");
    private static final Set<String> SEPARATORS = Set.of(";", "&&", "||", "|", "&", "(", ")", ";;");
    private static final Set<String> REDIRECTS = Set.of("<", ">", ">>", "<&", ">&", "&>", ">|");
    private static final Set<String> SUDO_VALUE_OPTIONS = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T");
    private static final Set<PipOption> SOURCE_OPTIONS = Set.of(PipOption.REQUIREMENT, PipOption.CONSTRAINT, PipOption.EDITABLE);

    @Override
    public ManifestResult read(Path file) {
        String text = ManifestText.read(file, null, null);
        ManifestCollector out = new ManifestCollector();
        out.filesRead.add(file);
        int[] lineStarts = lineStarts(text);
        List<PipArguments.Word> command = new ArrayList<>();
        List<ShellLexer.Token> tokens = ShellLexer.script(text);
        for (int k = 0; k < tokens.size(); k++) {
            ShellLexer.Token t = tokens.get(k);
            if (t.type() == ShellLexer.Type.WORD) {
                boolean ioNumber = t.text().chars().allMatch(Character::isDigit) && k + 1 < tokens.size()
                        && REDIRECTS.contains(tokens.get(k + 1).text());
                if (!ioNumber) {
                    command.add(new PipArguments.Word(t.text(), SourceLocation.of(file, line(lineStarts, t.offset())), t.dynamic()));
                }
            } else if (t.type() == ShellLexer.Type.OPERATOR && REDIRECTS.contains(t.text())) {
                k++; // the redirection's target is not an argument
            } else if (t.type() == ShellLexer.Type.NEWLINE || SEPARATORS.contains(t.text())) {
                command(file, command, out);
                command = new ArrayList<>();
            }
        }
        command(file, command, out);
        return out.result(file, ManifestKind.SHELL_SCRIPT);
    }

    private static void command(Path script, List<PipArguments.Word> words, ManifestCollector out) {
        int k = 0;
        while (k < words.size()) {
            String w = words.get(k).text();
            if (KEYWORDS.contains(w) || ASSIGNMENT.matcher(w).matches()) {
                k++;
            } else if (w.equals("sudo")) {
                k++;
                while (k < words.size() && words.get(k).text().startsWith("-")) {
                    k += SUDO_VALUE_OPTIONS.contains(words.get(k).text()) ? 2 : 1;
                }
            } else if (w.equals("env")) {
                k++;
                while (k < words.size() && (words.get(k).text().startsWith("-") || ASSIGNMENT.matcher(words.get(k).text()).matches())) {
                    k++;
                }
            } else {
                break;
            }
        }
        List<PipArguments.Word> rest = words.subList(k, words.size());
        if (!rest.isEmpty() && CONDA.matcher(rest.get(0).text().substring(rest.get(0).text().lastIndexOf('/') + 1)).matches()) {
            condaInstall(rest.subList(1, rest.size()), out);
            return;
        }
        List<PipArguments.Word> pipArgs = pipArguments(rest);
        if (pipArgs == null) {
            return;
        }
        int j = 0;
        while (j < pipArgs.size() && pipArgs.get(j).text().startsWith("-")) {
            String option = pipArgs.get(j).text();
            boolean separateValue;
            if (option.startsWith("--")) {
                PipOption o = PipOption.byLong(option.split("=", 2)[0]);
                separateValue = o != null && o.takesValue && !option.contains("=");
            } else {
                PipOption o = PipOption.byShort(option.substring(0, Math.min(2, option.length())));
                separateValue = o != null && o.takesValue && option.length() == 2;
            }
            j += separateValue ? 2 : 1;
        }
        if (j >= pipArgs.size() || !pipArgs.get(j).text().equals("install")) {
            return;
        }
        install(script, pipArgs.subList(j + 1, pipArgs.size()), out);
    }

    /** The words after {@code pip} when this command runs pip, else null. */
    private static List<PipArguments.Word> pipArguments(List<PipArguments.Word> words) {
        if (words.isEmpty()) {
            return null;
        }
        PipArguments.Word program = words.get(0);
        String base = program.text().substring(program.text().lastIndexOf('/') + 1);
        if (PIP.matcher(base).matches()) {
            return words.subList(1, words.size());
        }
        if (base.equals("uv") && words.size() > 1 && words.get(1).text().equals("pip")) {
            return words.subList(2, words.size());
        }
        if (PYTHON.matcher(base).matches() || program.dynamic()) {
            for (int k = 1; k < words.size(); k++) {
                String w = words.get(k).text();
                if (w.equals("-m") && k + 1 < words.size() && words.get(k + 1).text().equals("pip")) {
                    return words.subList(k + 2, words.size());
                }
                if (w.equals("-mpip")) {
                    return words.subList(k + 1, words.size());
                }
                if (!w.startsWith("-") || w.equals("-c")) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void install(Path script, List<PipArguments.Word> words, ManifestCollector out) {
        PipArguments args = PipArguments.parse(words);
        List<String> commandOptions = new ArrayList<>();
        for (PipArguments.Option o : args.options) {
            if (o.option() == null) {
                out.warn(o.location(), "unknown pip install option " + o.written() + " is ignored");
            } else if (!SOURCE_OPTIONS.contains(o.option())) {
                commandOptions.add(o.normalized());
            }
        }
        for (PipArguments.Option o : args.options) {
            if (o.option() == null) {
                continue;
            }
            SourceLocation at = o.location();
            switch (o.option()) {
                case REQUIREMENT, CONSTRAINT -> {
                    if (o.value().contains("$") || o.value().contains("`")) {
                        out.warn(at, "requirements file " + o.value() + " depends on a shell variable and is not read");
                    } else {
                        Path base = script.getParent();
                        Path file = base == null ? Path.of(o.value()) : base.resolve(o.value());
                        RequirementsFileReader.readFile(file.normalize(), new RequirementsFileReader.Include(script, at, o.value()),
                                o.option() == PipOption.CONSTRAINT, List.of(), out);
                    }
                }
                case EDITABLE -> out.requirement(RequirementsFileReader.parseRequirement(o.value(), at)
                        .withOptions(true, List.of(), commandOptions), false);
                case INDEX_URL -> out.option(IndexOption.Kind.INDEX_URL, o.value(), at);
                case EXTRA_INDEX_URL -> out.option(IndexOption.Kind.EXTRA_INDEX_URL, o.value(), at);
                case FIND_LINKS -> out.option(IndexOption.Kind.FIND_LINKS, o.value(), at);
                case NO_INDEX -> out.option(IndexOption.Kind.NO_INDEX, null, at);
                case PRE -> out.option(IndexOption.Kind.PRE, null, at);
                case TRUSTED_HOST -> out.option(IndexOption.Kind.TRUSTED_HOST, o.value(), at);
                default -> {
                    // kept with each requirement of the command, in commandOptions
                }
            }
        }
        for (PipArguments.Word w : args.positional) {
            if (w.dynamic()) {
                out.warn(w.location(), "\"" + w.text() + "\" depends on a shell variable and is not read as a requirement");
                continue;
            }
            Requirement r;
            try {
                r = RequirementArgument.parse(w.text(), w.location());
            } catch (InvalidRequirementException e) {
                throw new InputError(w.location(), e.getMessage());
            }
            out.requirement(r.withOptions(false, List.of(), commandOptions), false);
        }
    }

    /**
     * {@code conda install|create [options] spec...}: the specs are conda specs ({@code python=3.10},
     * {@code pytorch==2.3.1}), {@code -c CHANNEL} names a channel.
     */
    private static void condaInstall(List<PipArguments.Word> words, ManifestCollector out) {
        int k = 0;
        while (k < words.size() && words.get(k).text().startsWith("-")) {
            k++;
        }
        if (k >= words.size() || !(words.get(k).text().equals("install") || words.get(k).text().equals("create"))) {
            return;
        }
        for (k++; k < words.size(); k++) {
            PipArguments.Word w = words.get(k);
            String t = w.text();
            if (t.startsWith("-")) {
                String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                String value = t.contains("=") ? t.substring(t.indexOf('=') + 1) : null;
                if (CONDA_VALUE_OPTIONS.contains(name) && value == null && k + 1 < words.size()) {
                    value = words.get(++k).text();
                }
                if ((name.equals("-c") || name.equals("--channel")) && value != null) {
                    out.option(IndexOption.Kind.CONDA_CHANNEL, value, w.location());
                } else if (name.equals("--file") && value != null) {
                    out.warn(w.location(), "conda spec file " + value + " is not read");
                }
            } else if (w.dynamic()) {
                out.warn(w.location(), "\"" + t + "\" depends on a shell variable and is not read as a requirement");
            } else {
                Requirement r;
                try {
                    r = CondaMatchSpec.parse(t, w.location(), out);
                } catch (InvalidRequirementException e) {
                    throw new InputError(w.location(), e.getMessage());
                }
                out.requirement(r, false);
                if (r.name().equals("python") && !r.specifier().isEmpty() && out.requiresPython == null) {
                    out.requiresPython = new RequiresPython(r.specifier(), w.location());
                }
            }
        }
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
