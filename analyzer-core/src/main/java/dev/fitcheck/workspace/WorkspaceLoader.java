package dev.fitcheck.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import dev.fitcheck.memory.ByteSize;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads fitcheck.yaml into a {@link Workspace}. Strict: unknown keys, wrong types, missing files
 * and dangling model names are {@link InputError}s naming the key's line, with a suggestion for
 * a near-miss.
 */
public final class WorkspaceLoader {

    public static final String FILE_NAME = "fitcheck.yaml";

    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern PYTHON_VERSION = Pattern.compile("3\\.[0-9]{1,2}");
    private static final Pattern URL = Pattern.compile("(https?|file)://\\S+");
    private static final List<String> INSTALLERS = List.of("uv", "pip");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(s|m|min|h)?");

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    /** Loads {@code path}: a fitcheck.yaml, or a directory holding one. */
    public Workspace load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        file = file.toAbsolutePath().normalize();
        String text = read(file);
        YamlLines lines = YamlLines.index(text);
        Raw.Document doc = bind(file, text, lines);
        return new Validation(file, lines).workspace(doc);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(SourceLocation.wholeFile(file),
                    "no workspace file here; expected a fitcheck.yaml (or a directory holding one)");
        } catch (MalformedInputException e) {
            throw new InputError(SourceLocation.wholeFile(file), "is not UTF-8 text; expected a YAML file");
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "cannot be read: " + e.getMessage());
        }
    }

    private static Raw.Document bind(Path file, String text, YamlLines lines) {
        if (text.isBlank()) {
            throw new InputError(SourceLocation.of(file, 1), "is empty; expected a workspace with a 'models' list");
        }
        try {
            return MAPPER.readValue(text, Raw.Document.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new InputError(SourceLocation.of(file, lines.lineOf(pointer(e))), "unknown key '" + e.getPropertyName() + "'"
                    + where(e) + NearMiss.suffix(e.getPropertyName(), known)
                    + " (known keys: " + String.join(", ", known) + ")");
        } catch (MismatchedInputException e) {
            throw new InputError(SourceLocation.of(file, lines.lineOf(pointer(e))), "wrong type for '" + pathOf(e) + "': expected "
                    + expectedType(e.getTargetType()));
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new InputError(at(file, e.getLocation()), "YAML syntax error: " + msg);
        }
    }

    private static SourceLocation at(Path file, JsonLocation loc) {
        return loc == null ? SourceLocation.wholeFile(file) : SourceLocation.of(file, Math.max(1, loc.getLineNr()));
    }

    private static String where(JsonMappingException e) {
        String parent = dotted(e.getPath().subList(0, Math.max(0, e.getPath().size() - 1)));
        return parent.isEmpty() ? " at the top level" : " in '" + parent + "'";
    }

    private static String pathOf(JsonMappingException e) {
        return dotted(e.getPath());
    }

    /** models[0].manifests, as a person reads the key. */
    private static String dotted(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** /models/0/manifests, to look the line up. */
    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())))
                .collect(Collectors.joining());
    }

    private static String expectedType(Class<?> type) {
        if (type == null) return "another type";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping of keys to values";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        return "a string";
    }

    /** Turns the bound document into the domain model, checking what binding cannot. */
    private static final class Validation {
        private final Path file;
        private final Path root;
        private final YamlLines lines;

        Validation(Path file, YamlLines lines) {
            this.file = file;
            this.root = file.getParent();
            this.lines = lines;
        }

        private InputError error(String pointer, String sentence) {
            return new InputError(SourceLocation.of(file, lines.lineOf(pointer)), sentence);
        }

        Workspace workspace(Raw.Document d) {
            if (d.models() == null || d.models().isEmpty()) {
                throw error("", "no models; expected a 'models' list with at least one model");
            }
            String name = d.name() != null ? d.name() : root.getFileName().toString();
            List<ModelSpec> models = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < d.models().size(); i++) {
                ModelSpec m = model("/models/" + i, d.models().get(i), d.python());
                if (!names.add(m.name())) {
                    throw error("/models/" + i + "/name", "model name '" + m.name() + "' is used twice; names must be unique");
                }
                models.add(m);
            }
            List<ServiceSpec> services = new ArrayList<>();
            Set<String> serviceNames = new HashSet<>();
            List<Raw.Service> rawServices = d.services() == null ? List.of() : d.services();
            for (int i = 0; i < rawServices.size(); i++) {
                ServiceSpec s = service("/services/" + i, rawServices.get(i));
                if (!serviceNames.add(s.name())) {
                    throw error("/services/" + i + "/name", "service name '" + s.name() + "' is used twice");
                }
                services.add(s);
            }
            return new Workspace(name, file, root, machine(d.machine()), services,
                    Optional.ofNullable(d.today()).map(t -> today(t, names)), models);
        }

        private MachineSpec machine(Raw.Machine m) {
            if (m == null) {
                return new MachineSpec(Optional.empty(), Optional.empty());
            }
            Optional<GpuSpec> gpu = Optional.empty();
            if (m.gpu() != null) {
                String model = required("/machine/gpu/model", m.gpu().model(), "the GPU's name as nvidia-smi prints it");
                ByteSize memory = size("/machine/gpu/memory",
                        required("/machine/gpu/memory", m.gpu().memory(), "its memory, such as \"24 GiB\""));
                gpu = Optional.of(new GpuSpec(model, memory));
            }
            return new MachineSpec(gpu, Optional.ofNullable(m.python()).map(Path::of), packages(m));
        }

        private PackageSources packages(Raw.Machine m) {
            List<Path> links = new ArrayList<>();
            List<String> rawLinks = orEmpty(m.findLinks());
            for (int i = 0; i < rawLinks.size(); i++) {
                links.add(existingDir("/machine/find_links/" + i, root, rawLinks.get(i)));
            }
            if (m.indexUrl() != null && !URL.matcher(m.indexUrl()).matches()) {
                throw error("/machine/index_url", "index_url must be an http(s) or file URL, got \"" + m.indexUrl() + "\"");
            }
            if (m.installer() != null && !INSTALLERS.contains(m.installer())) {
                throw error("/machine/installer", "installer must be one of " + String.join(", ", INSTALLERS)
                        + ", got \"" + m.installer() + "\"" + NearMiss.suffix(m.installer(), INSTALLERS));
            }
            if (Boolean.TRUE.equals(m.noIndex()) && links.isEmpty()) {
                throw error("/machine/no_index", "no_index: true needs find_links (a wheelhouse); otherwise nothing can be installed");
            }
            return new PackageSources(links, Boolean.TRUE.equals(m.noIndex()), Optional.ofNullable(m.indexUrl()),
                    Optional.ofNullable(m.installer()));
        }

        private ServiceSpec service(String ptr, Raw.Service s) {
            String name = required(ptr + "/name", s.name(), "a name");
            String match = required(ptr + "/match", s.match(), "a regular expression that recognises its process");
            Pattern pattern;
            try {
                pattern = Pattern.compile(match);
            } catch (PatternSyntaxException e) {
                throw error(ptr + "/match", "'match' is not a valid regular expression: " + e.getDescription());
            }
            return new ServiceSpec(name, s.description() == null ? "" : s.description(), pattern,
                    Optional.ofNullable(s.memory()).map(v -> size(ptr + "/memory", v)),
                    orEmpty(s.stop()), orEmpty(s.start()));
        }

        private TodaySpec today(Raw.Today t, Set<String> modelNames) {
            if (t.freeze() == null && t.python() == null) {
                throw error("/today", "'today' needs 'freeze' (a pip freeze file) or 'python' (an interpreter)");
            }
            Optional<Path> freeze = Optional.ofNullable(t.freeze()).map(f -> existingFile("/today/freeze", root, f));
            List<String> runs = orEmpty(t.runs());
            for (int i = 0; i < runs.size(); i++) {
                if (!modelNames.contains(runs.get(i))) {
                    throw error("/today/runs/" + i, "no model named '" + runs.get(i) + "'"
                            + NearMiss.suffix(runs.get(i), modelNames));
                }
            }
            return new TodaySpec(freeze, Optional.ofNullable(t.python()).map(Path::of), runs);
        }

        private ModelSpec model(String ptr, Raw.Model m, String defaultPython) {
            String name = required(ptr + "/name", m.name(), "a name such as vidi-7b");
            if (!MODEL_NAME.matcher(name).matches()) {
                throw error(ptr + "/name", "model name '" + name
                        + "' must be lower case letters, digits, '.', '_' or '-' (it names directories)");
            }
            Path dir = existingDir(ptr + "/path", root, required(ptr + "/path", m.path(), "the model's directory"));
            List<Path> manifests = new ArrayList<>();
            List<String> rawManifests = orEmpty(m.manifests());
            for (int i = 0; i < rawManifests.size(); i++) {
                manifests.add(existingFile(ptr + "/manifests/" + i, dir, rawManifests.get(i)));
            }
            List<Path> sources = new ArrayList<>();
            List<String> rawSources = m.sources() == null ? List.of(".") : m.sources();
            for (int i = 0; i < rawSources.size(); i++) {
                sources.add(existingDir(ptr + "/sources/" + i, dir, rawSources.get(i)));
            }
            String python = m.python() != null ? m.python() : defaultPython != null ? defaultPython : "3.10";
            if (!PYTHON_VERSION.matcher(python).matches()) {
                throw error(ptr + "/python", "python must be a version such as \"3.10\", got \"" + python + "\"");
            }
            List<Path> entries = new ArrayList<>();
            List<String> rawEntries = orEmpty(m.entry());
            for (int i = 0; i < rawEntries.size(); i++) {
                Path e = existingFile(ptr + "/entry/" + i, dir, rawEntries.get(i));
                if (!e.getFileName().toString().endsWith(".py")) {
                    throw error(ptr + "/entry/" + i, "entry '" + rawEntries.get(i) + "' is not a Python file");
                }
                if (sources.stream().noneMatch(e::startsWith)) {
                    throw error(ptr + "/entry/" + i, "entry '" + rawEntries.get(i) + "' is outside the model's sources");
                }
                entries.add(e);
            }
            return new ModelSpec(name, dir, manifests, sources, python, card(m.card(), name),
                    Optional.ofNullable(m.memory()).map(mem -> memory(ptr + "/memory", dir, mem)),
                    Optional.ofNullable(m.test()).map(t -> test(ptr + "/test", t)),
                    environment(m.environment()), entries);
        }

        private ModelCard card(Raw.Card c, String modelName) {
            if (c == null) {
                return new ModelCard(modelName, Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
            }
            return new ModelCard(c.title() == null ? modelName : c.title(), Optional.ofNullable(c.baseModel()),
                    Optional.ofNullable(c.parameters()), c.features() == null ? Map.of() : new LinkedHashMap<>(c.features()),
                    Optional.ofNullable(c.status()));
        }

        private ModelMemorySpec memory(String ptr, Path dir, Raw.Memory m) {
            Map<String, Path> configs = new LinkedHashMap<>();
            if (m.configs() != null) {
                m.configs().forEach((role, p) -> configs.put(role, existingFile(ptr + "/configs/" + role, dir, p)));
            }
            Optional<Path> weights = Optional.ofNullable(m.weights()).map(w -> existingDir(ptr + "/weights", dir, w));
            Optional<ModelMemorySpec.VideoSampling> video = Optional.ofNullable(m.video()).map(v -> {
                if (v.framesPerSecond() == null || v.framesPerSecond() <= 0 || v.visualTokensPerFrame() == null
                        || v.visualTokensPerFrame() <= 0) {
                    throw error(ptr + "/video", "'video' needs frames_per_second and visual_tokens_per_frame, both above zero");
                }
                return new ModelMemorySpec.VideoSampling(v.framesPerSecond(), v.visualTokensPerFrame(),
                        v.audioTokensPerSecond() == null ? 0 : v.audioTokensPerSecond());
            });
            return new ModelMemorySpec(configs, weights, video);
        }

        private TestSpec test(String ptr, Raw.Test t) {
            Duration timeout = t.timeout() == null ? Duration.ofMinutes(10) : duration(ptr + "/timeout", t.timeout());
            return new TestSpec(orEmpty(t.imports()), Optional.ofNullable(t.command()).map(List::copyOf),
                    Boolean.TRUE.equals(t.gpu()), timeout, t.env() == null ? Map.of() : t.env());
        }

        private EnvironmentPolicy environment(Raw.Environment e) {
            if (e == null) {
                return EnvironmentPolicy.none();
            }
            return new EnvironmentPolicy(e.pins() == null ? Map.of() : e.pins(), orEmpty(e.inherit()),
                    orEmpty(e.skipWithoutCuda()));
        }

        private Duration duration(String ptr, String text) {
            var m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                throw error(ptr, "expected a duration such as \"600s\", \"10m\" or \"1h\", got \"" + text + "\"");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "h" -> Duration.ofHours(n);
                case "m", "min" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }

        private ByteSize size(String ptr, String text) {
            try {
                return ByteSize.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(ptr, e.getMessage());
            }
        }

        private <T> T required(String ptr, T value, String what) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                String key = ptr.substring(ptr.lastIndexOf('/') + 1);
                throw error(ptr.substring(0, ptr.lastIndexOf('/')), "missing '" + key + "': expected " + what);
            }
            return value;
        }

        private Path existingFile(String ptr, Path base, String relative) {
            Path p = base.resolve(relative).normalize();
            if (!Files.isRegularFile(p)) {
                throw error(ptr, "no file " + display(p) + (Files.isDirectory(p) ? " (it is a directory)" : ""));
            }
            return p;
        }

        private Path existingDir(String ptr, Path base, String relative) {
            Path p = base.resolve(relative).normalize();
            if (!Files.isDirectory(p)) {
                throw error(ptr, "no directory " + display(p));
            }
            return p;
        }

        private String display(Path p) {
            Path rel = p.startsWith(root) ? root.relativize(p) : p;
            return rel.toString().isEmpty() ? "." : rel.toString();
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The document exactly as written; Jackson binds it and rejects unknown keys. */
    static final class Raw {
        private Raw() {
        }

        record Document(String name, String python, Machine machine, List<Service> services, Today today,
                List<Model> models) {
        }

        record Machine(Gpu gpu, String python, List<String> findLinks, Boolean noIndex, String indexUrl,
                String installer) {
        }

        record Gpu(String model, String memory) {
        }

        record Service(String name, String description, String match, String memory, List<String> stop,
                List<String> start) {
        }

        record Today(String freeze, String python, List<String> runs) {
        }

        record Model(String name, String path, List<String> manifests, List<String> sources, String python,
                Card card, Memory memory, Test test, Environment environment, List<String> entry) {
        }

        record Card(String title, String baseModel, String parameters, Map<String, Boolean> features,
                String status) {
        }

        record Memory(Map<String, String> configs, String weights, Video video) {
        }

        record Video(Double framesPerSecond, Integer visualTokensPerFrame, Double audioTokensPerSecond) {
        }

        record Test(List<String> imports, List<String> command, Boolean gpu, String timeout,
                Map<String, String> env) {
        }

        record Environment(Map<String, String> pins, List<String> inherit, List<String> skipWithoutCuda) {
        }
    }
}
