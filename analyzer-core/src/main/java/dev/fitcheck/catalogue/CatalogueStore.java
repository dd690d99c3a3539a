package dev.fitcheck.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fitcheck.evidence.InputError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes catalogues as gzip-compressed JSON. Same catalogue, same bytes: no timestamps,
 * every table sorted, gzip's header without a modification time. Writes go to a temporary file
 * that is renamed over the target, so a reader never sees half a catalogue.
 *
 * <p>The layout keeps a catalogue of 100+ releases to a few MB: strings (module names, names,
 * members, targets) and signatures are stored once in sorted tables and referred to by index;
 * presence is an index-range string over {@code versions} ({@code "0-40,44"}).
 *
 * <pre>
 * { "format": "fitcheck-api-catalogue", "formatVersion": 1, "ecosystem": "pypi",
 *   "package": "transformers",
 *   "versions": [ "4.30.0", ... ],
 *   "strings": [ ... ],
 *   "signatures": [ "self, config, **kwargs", ... ],
 *   "requirements": [ ["huggingface-hub<1.0,>=0.23.2", "ranges"], ... ],
 *   "modules": [ [moduleId, "ranges", [ name, ... ]], ... ] }
 * name:    [nameId, [[kindCode, flags, targetId or -1, "ranges"], ...], bases, signatures, members, modifiers]
 *          (flags: 1 type-only, 2 exported; trailing empty lists are left out)
 * bases:   [[[targetId, ...], "ranges"], ...]
 * signatures: [[signatureId, "ranges"], ...]
 * members: [[memberId, [[kindCode, "ranges"], ...], signatures, modifiers], ...]
 * modifiers: [["fs", "ranges"], ...]   (Modifier codes; only non-empty sets)
 * </pre>
 *
 * <p>{@code ecosystem} comes before {@code versions} and {@code signatures}, which are read the
 * ecosystem's way: PEP 440 versions and Python parameter lists for {@code pypi}; Maven versions
 * ({@code 33.5.0-jre}) and JVM descriptors for {@code maven}, whose package is
 * {@code groupId:artifactId}.
 *
 * <p>Format version 2 added modifiers, Java's kinds and the {@code maven} ecosystem; a catalogue
 * that uses none of them (every Python one) is written as version 1, byte for byte what version 1
 * wrote, so that earlier readers still read it. Format version 3 added keywords a decorator renames
 * to a parameter, {@code OLD->NEW} after a Python parameter list ({@link Signature.Alias}), which an
 * earlier reader would take for a parameter's name; a catalogue with none is written as before.
 * The number written is the lowest reader that can.
 */
public final class CatalogueStore {

    public static final String FORMAT = "fitcheck-api-catalogue";
    /** The newest format version, which this class reads along with every older one. */
    public static final int FORMAT_VERSION = 3;

    private static final JsonFactory JSON = new JsonFactory();

    private CatalogueStore() {
    }

    /** Writes atomically: the file is either the old one or the complete new one. */
    public static void write(ApiCatalogue c, Path file) {
        try {
            // a catalogue is for everyone who can read the directory
            ReplacedWhole.write(file, true, out -> write(c, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gzip bytes of a catalogue. */
    public static void write(ApiCatalogue c, OutputStream raw) throws IOException {
        // gzip's default level: 4% larger than level 9 for a third of the time (13 MB of JSON: 0.23 s against 0.8 s)
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        Tables t = Tables.of(c);
        try (JsonGenerator g = JSON.createGenerator(gz)) {
            // tables before modules, so that a reader resolves ids as it streams
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", t.formatVersion);
            g.writeStringField("ecosystem", c.ecosystem());
            g.writeStringField("package", c.packageName());
            g.writeArrayFieldStart("versions");
            for (String v : c.versionLabels()) g.writeString(v);
            g.writeEndArray();
            g.writeArrayFieldStart("strings");
            for (String s : t.strings) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("signatures");
            for (String s : t.signatures) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("requirements");
            for (Versioned<String> r : c.requirements()) {
                g.writeStartArray();
                g.writeString(r.value());
                g.writeString(r.versions().toString());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("modules");
            for (ModuleApi m : c.modules().values()) {
                g.writeStartArray();
                g.writeNumber(t.string(m.module()));
                g.writeString(m.presence().toString());
                g.writeStartArray();
                for (NameApi n : m.names().values()) writeName(g, t, n);
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        gz.finish();
        gz.flush();
    }

    private static void writeName(JsonGenerator g, Tables t, NameApi n) throws IOException {
        g.writeStartArray();
        g.writeNumber(t.string(n.name()));
        g.writeStartArray();
        for (NameVariant v : n.variants()) {
            g.writeStartArray();
            g.writeString(v.kind().code());
            g.writeNumber((v.typeOnly() ? 1 : 0) | (v.exported() ? 2 : 0));
            g.writeNumber(v.target() == null ? -1 : t.string(v.target()));
            g.writeString(v.versions().toString());
            g.writeEndArray();
        }
        g.writeEndArray();
        boolean modifiers = !n.modifiers().isEmpty();
        boolean members = modifiers || !n.members().isEmpty();
        boolean sigs = members || !n.signatures().isEmpty();
        boolean bases = sigs || !n.bases().isEmpty();
        if (bases) {
            g.writeStartArray();
            for (Versioned<List<String>> b : n.bases()) {
                g.writeStartArray();
                g.writeStartArray();
                for (String s : b.value()) g.writeNumber(t.string(s));
                g.writeEndArray();
                g.writeString(b.versions().toString());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (sigs) writeSignatures(g, t, n.signatures());
        if (members) {
            g.writeStartArray();
            for (MemberApi m : n.members().values()) {
                g.writeStartArray();
                g.writeNumber(t.string(m.member()));
                g.writeStartArray();
                for (Versioned<SymbolKind> k : m.kinds()) {
                    g.writeStartArray();
                    g.writeString(k.value().code());
                    g.writeString(k.versions().toString());
                    g.writeEndArray();
                }
                g.writeEndArray();
                if (!m.signatures().isEmpty() || !m.modifiers().isEmpty()) writeSignatures(g, t, m.signatures());
                if (!m.modifiers().isEmpty()) writeModifiers(g, m.modifiers());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (modifiers) writeModifiers(g, n.modifiers());
        g.writeEndArray();
    }

    private static void writeModifiers(JsonGenerator g, List<Versioned<Set<Modifier>>> modifiers) throws IOException {
        g.writeStartArray();
        for (Versioned<Set<Modifier>> m : modifiers) {
            g.writeStartArray();
            g.writeString(Modifier.codes(m.value()));
            g.writeString(m.versions().toString());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeSignatures(JsonGenerator g, Tables t, List<Versioned<Signature>> sigs) throws IOException {
        g.writeStartArray();
        for (Versioned<Signature> s : sigs) {
            g.writeStartArray();
            g.writeNumber(t.signature(s.value().toString()));
            g.writeString(s.versions().toString());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Reads a catalogue; a file that is not one is the user's input error, naming the file. */
    public static ApiCatalogue read(Path file) {
        try {
            byte[] gz = Files.readAllBytes(file);
            String key = UnpackedCatalogues.key(gz);
            Optional<UnpackedCatalogues.Unpacked> unpacked = UnpackedCatalogues.load(key);
            if (unpacked.isPresent()) {
                try {
                    return read(unpacked.get().json(), file.toString(), unpacked.get().spans(), null);
                } catch (RuntimeException | IOException damaged) {
                    // the file was read whole when this was cached (same content hash): the cache is what is wrong
                }
            }
            byte[] json;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
                json = in.readAllBytes();
            }
            List<Integer> spans = new ArrayList<>();
            ApiCatalogue c = read(json, file.toString(), null, spans);
            UnpackedCatalogues.store(key, json, spans.stream().mapToInt(Integer::intValue).toArray());
            return c;
        } catch (NoSuchFileException e) {
            throw new InputError(file, 0, "no API catalogue here (build one with `fitcheck catalogue build`)");
        } catch (JsonProcessingException e) {
            throw new InputError(file, 0, "not a fitcheck API catalogue: broken JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InputError(file, 0, "not a fitcheck API catalogue: " + e.getMessage());
        }
    }

    /** Reads a catalogue from gzip-free JSON. {@code origin} names it in messages. */
    public static ApiCatalogue read(InputStream json, String origin) throws IOException {
        return read(json.readAllBytes(), origin, null, null);
    }

    /**
     * The tables are decoded at once; each module's names only when first asked for (a scan
     * needs a few dozen of transformers' 3,798 modules, and decoding them all was most of a
     * scan's time). The modules' bytes are still walked whole here, so broken JSON is refused
     * now, not in the middle of an analysis.
     */
    private static ApiCatalogue read(byte[] json, String origin, int[] knownSpans, List<Integer> foundSpans) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            return new StreamDecoder(p, json, origin, knownSpans, foundSpans).decode();
        } catch (RuntimeException e) {
            if (e instanceof InputError ie) throw ie;
            throw new InputError(Path.of(origin), 0, "not a fitcheck API catalogue: " + e.getMessage());
        }
    }

    /**
     * Decodes while streaming, tables first (as {@link #write} orders them): a catalogue of 136
     * releases reads in a fraction of the time a tree of 13 MB of JSON takes.
     */
    private static final class StreamDecoder {
        private final JsonParser p;
        private final byte[] json;
        private final String origin;
        private final List<String> strings;
        /** The signature table as written; each is parsed when a module that uses it is decoded. */
        private final List<String> signatureTexts;
        private final Map<Integer, Signature> signatures;
        private final List<String> versions = new ArrayList<>();
        private Ecosystem ecosystem;
        private final List<Versioned<String>> requirements = new ArrayList<>();
        private final TreeMap<String, ModuleApi> modules = new TreeMap<>();
        private boolean tables;

        /** Where each module lies when an earlier read found it ({@link UnpackedCatalogues}), else null. */
        private final int[] knownSpans;
        /** Where this read finds them, for the next one; null when not wanted. */
        private final List<Integer> foundSpans;

        StreamDecoder(JsonParser p, byte[] json, String origin, int[] knownSpans, List<Integer> foundSpans) {
            this.p = p;
            this.json = json;
            this.origin = origin;
            this.knownSpans = knownSpans;
            this.foundSpans = foundSpans;
            this.strings = new ArrayList<>();
            this.signatureTexts = new ArrayList<>();
            this.signatures = new java.util.concurrent.ConcurrentHashMap<>();
        }

        /** A decoder of one module's names, over the tables {@code whole} read. */
        private StreamDecoder(JsonParser p, StreamDecoder whole) {
            this.p = p;
            this.json = whole.json;
            this.origin = whole.origin;
            this.knownSpans = null;
            this.foundSpans = null;
            this.strings = whole.strings;
            this.signatureTexts = whole.signatureTexts;
            this.signatures = whole.signatures;
            this.ecosystem = whole.ecosystem;
        }

        ApiCatalogue decode() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            String format = null;
            int formatVersion = -1;
            String pkg = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getText();
                    case "formatVersion" -> formatVersion = p.getIntValue();
                    case "ecosystem" -> ecosystem = Ecosystem.of(p.getText());
                    case "package" -> pkg = p.getText();
                    case "versions" -> {
                        checkFormat(format, formatVersion);
                        ecosystemFirst("versions");
                        while (p.nextToken() != JsonToken.END_ARRAY) versions.add(p.getText());
                    }
                    case "strings" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) strings.add(p.getText());
                        tables = true;
                    }
                    case "signatures" -> {
                        ecosystemFirst("signatures");
                        while (p.nextToken() != JsonToken.END_ARRAY) signatureTexts.add(p.getText());
                    }
                    case "requirements" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.nextToken();
                            String text = p.getText();
                            p.nextToken();
                            requirements.add(new Versioned<>(text, IndexRanges.parse(p.getText())));
                            expect(p.nextToken(), JsonToken.END_ARRAY);
                        }
                    }
                    case "modules" -> {
                        if (!tables) throw new IllegalArgumentException("\"modules\" comes before the string table");
                        int end = knownSpans != null ? knownModules() : lazyModules((int) p.currentTokenLocation().getByteOffset());
                        // modules is written last: what follows is the closing brace
                        int k = JsonBytes.skipBlanks(json, end);
                        if (k >= json.length || json[k] != '}' || JsonBytes.skipBlanks(json, k + 1) != json.length) {
                            throw new IllegalArgumentException("\"modules\" is not the last field");
                        }
                        checkFormat(format, formatVersion);
                        ecosystemFirst("the end");
                        return new ApiCatalogue(VersionAxis.of(ecosystem, versions), pkg, modules, requirements);
                    }
                    default -> p.skipChildren();
                }
            }
            checkFormat(format, formatVersion);
            ecosystemFirst("the end");
            return new ApiCatalogue(VersionAxis.of(ecosystem, versions), pkg, modules, requirements);
        }

        private Signature signature(int id) {
            return signatures.computeIfAbsent(id, i -> Signature.parse(ecosystem, signatureTexts.get(i)));
        }

        private void ecosystemFirst(String what) {
            if (ecosystem == null) throw new IllegalArgumentException("no \"ecosystem\" before " + what);
        }

        private static void checkFormat(String format, int version) {
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("the \"format\" field is not \"" + FORMAT + "\"");
            }
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IllegalArgumentException("format version " + version + " is not one this fitcheck reads (1 to "
                        + FORMAT_VERSION + ")");
            }
        }

        /**
         * The modules array from byte {@code at} (its '['): each module's id and presence now,
         * and where its names array lies, to be decoded on first use. Read straight from the
         * bytes, brackets matched and strings stepped over, which is most of the file and several
         * times quicker than tokenising it. Returns the offset after the array.
         */
        private int lazyModules(int at) {
            int i = JsonBytes.expect(json, at, '[');
            i = JsonBytes.skipBlanks(json, i);
            if (i < json.length && json[i] == ']') return i + 1;
            while (true) {
                i = JsonBytes.expect(json, i, '[');
                long idAndEnd = JsonBytes.integer(json, i);
                String module = strings.get((int) (idAndEnd >>> 32));
                i = JsonBytes.expect(json, (int) idAndEnd, ',');
                int rangesStart = JsonBytes.expect(json, i, '"');
                int rangesEnd = JsonBytes.stringEnd(json, rangesStart);
                IndexRanges presence = IndexRanges.parse(new String(json, rangesStart, rangesEnd - rangesStart, StandardCharsets.UTF_8));
                i = JsonBytes.expect(json, rangesEnd + 1, ',');
                int start = JsonBytes.skipBlanks(json, i);
                int end = JsonBytes.afterMatching(json, start);
                modules.put(module, new ModuleApi(module, presence, new DecodedOnFirstUse<>(() -> names(module, start, end))));
                if (foundSpans != null) {
                    foundSpans.addAll(List.of((int) (idAndEnd >>> 32), rangesStart, rangesEnd, start, end));
                }
                i = JsonBytes.expect(json, end, ']');
                i = JsonBytes.skipBlanks(json, i);
                if (i < json.length && json[i] == ',') {
                    i++;
                    continue;
                }
                int after = JsonBytes.expect(json, i, ']');
                if (foundSpans != null) foundSpans.add(after);
                return after;
            }
        }

        /** {@link #lazyModules} from what an earlier read of the same bytes found. */
        private int knownModules() {
            int n = (knownSpans.length - 1) / 5;
            for (int k = 0; k < n; k++) {
                int b = 5 * k;
                String module = strings.get(knownSpans[b]);
                IndexRanges presence = IndexRanges.parse(new String(json, knownSpans[b + 1], knownSpans[b + 2] - knownSpans[b + 1],
                        StandardCharsets.UTF_8));
                int start = knownSpans[b + 3];
                int end = knownSpans[b + 4];
                modules.put(module, new ModuleApi(module, presence, new DecodedOnFirstUse<>(() -> names(module, start, end))));
            }
            return knownSpans[knownSpans.length - 1];
        }

        private SortedMap<String, NameApi> names(String module, int start, int end) {
            try (JsonParser slice = JSON.createParser(json, start, end - start)) {
                StreamDecoder d = new StreamDecoder(slice, this);
                d.expect(slice.nextToken(), JsonToken.START_ARRAY);
                TreeMap<String, NameApi> names = new TreeMap<>();
                while (slice.nextToken() != JsonToken.END_ARRAY) {
                    NameApi n = d.name();
                    names.put(n.name(), n);
                }
                return names;
            } catch (IOException | RuntimeException e) {
                throw new InputError(Path.of(origin), 0, "not a fitcheck API catalogue: module " + module + ": " + e.getMessage());
            }
        }

        private NameApi name() throws IOException {
            p.nextToken();
            String name = strings.get(p.getIntValue());
            List<NameVariant> variants = new ArrayList<>(2);
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.nextToken();
                SymbolKind kind = SymbolKind.ofCode(p.getText());
                p.nextToken();
                int flags = p.getIntValue();
                p.nextToken();
                int target = p.getIntValue();
                p.nextToken();
                variants.add(new NameVariant(kind, (flags & 1) != 0, (flags & 2) != 0, target < 0 ? null : strings.get(target),
                        IndexRanges.parse(p.getText())));
                expect(p.nextToken(), JsonToken.END_ARRAY);
            }
            List<Versioned<List<String>>> bases = List.of();
            List<Versioned<Signature>> sigs = List.of();
            List<Versioned<Set<Modifier>>> modifiers = List.of();
            TreeMap<String, MemberApi> members = new TreeMap<>();
            if (p.nextToken() == JsonToken.START_ARRAY) {
                bases = new ArrayList<>(1);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    expect(p.nextToken(), JsonToken.START_ARRAY);
                    List<String> list = new ArrayList<>(2);
                    while (p.nextToken() != JsonToken.END_ARRAY) list.add(strings.get(p.getIntValue()));
                    p.nextToken();
                    bases.add(new Versioned<>(List.copyOf(list), IndexRanges.parse(p.getText())));
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                }
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    sigs = signatures();
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            MemberApi m = member();
                            members.put(m.member(), m);
                        }
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.START_ARRAY) {
                            modifiers = modifiers();
                            t = p.nextToken();
                        }
                        expect(t, JsonToken.END_ARRAY);
                    }
                }
            }
            return new NameApi(name, variants, bases, sigs, members, modifiers);
        }

        /** A member array; the parser stands on its START_ARRAY. */
        private MemberApi member() throws IOException {
            p.nextToken();
            String member = strings.get(p.getIntValue());
            List<Versioned<SymbolKind>> kinds = new ArrayList<>(1);
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.nextToken();
                SymbolKind kind = SymbolKind.ofCode(p.getText());
                p.nextToken();
                kinds.add(new Versioned<>(kind, IndexRanges.parse(p.getText())));
                expect(p.nextToken(), JsonToken.END_ARRAY);
            }
            List<Versioned<Signature>> sigs = List.of();
            List<Versioned<Set<Modifier>>> modifiers = List.of();
            if (p.nextToken() == JsonToken.START_ARRAY) {
                sigs = signatures();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    modifiers = modifiers();
                    t = p.nextToken();
                }
                expect(t, JsonToken.END_ARRAY);
            }
            return new MemberApi(member, kinds, sigs, modifiers);
        }

        /** [["fs", ranges], ...]; the parser stands on its START_ARRAY. */
        private List<Versioned<Set<Modifier>>> modifiers() throws IOException {
            List<Versioned<Set<Modifier>>> out = new ArrayList<>(1);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.nextToken();
                Set<Modifier> set = Modifier.parse(p.getText());
                p.nextToken();
                out.add(new Versioned<>(set, IndexRanges.parse(p.getText())));
                expect(p.nextToken(), JsonToken.END_ARRAY);
            }
            return out;
        }

        /** [[signatureId, ranges], ...]; the parser stands on its START_ARRAY. */
        private List<Versioned<Signature>> signatures() throws IOException {
            List<Versioned<Signature>> out = new ArrayList<>(1);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.nextToken();
                Signature sig = signature(p.getIntValue());
                p.nextToken();
                out.add(new Versioned<>(sig, IndexRanges.parse(p.getText())));
                expect(p.nextToken(), JsonToken.END_ARRAY);
            }
            return out;
        }

        private void expect(JsonToken actual, JsonToken wanted) {
            if (actual != wanted) {
                throw new IllegalArgumentException("expected " + wanted + " but found " + actual + " at "
                        + p.currentLocation().getCharOffset());
            }
        }
    }

    /** The sorted string and signature tables of one catalogue. */
    /**
     * The sorted string and signature tables of one catalogue, and the format version it needs.
     */
    private record Tables(List<String> strings, Map<String, Integer> stringIds, List<String> signatures,
                          Map<String, Integer> signatureIds, int formatVersion) {

        static Tables of(ApiCatalogue c) {
            TreeSet<String> strings = new TreeSet<>();
            TreeSet<String> sigs = new TreeSet<>();
            boolean v2 = !c.ecosystem().equals(Ecosystem.PYPI.id());
            boolean v3 = false;
            for (ModuleApi m : c.modules().values()) {
                strings.add(m.module());
                for (NameApi n : m.names().values()) {
                    strings.add(n.name());
                    v2 |= !n.modifiers().isEmpty();
                    for (NameVariant v : n.variants()) {
                        if (v.target() != null) strings.add(v.target());
                        v2 |= !v.kind().inFormat1();
                    }
                    for (Versioned<List<String>> b : n.bases()) strings.addAll(b.value());
                    for (Versioned<Signature> s : n.signatures()) {
                        sigs.add(s.value().toString());
                        v3 |= s.value().hasAliases();
                    }
                    for (MemberApi mem : n.members().values()) {
                        strings.add(mem.member());
                        v2 |= !mem.modifiers().isEmpty();
                        for (Versioned<SymbolKind> k : mem.kinds()) v2 |= !k.value().inFormat1();
                        for (Versioned<Signature> s : mem.signatures()) {
                            sigs.add(s.value().toString());
                            v3 |= s.value().hasAliases();
                        }
                    }
                }
            }
            int version = v3 ? 3 : v2 ? 2 : 1;
            return new Tables(new ArrayList<>(strings), index(strings), new ArrayList<>(sigs), index(sigs), version);
        }

        private static Map<String, Integer> index(TreeSet<String> sorted) {
            Map<String, Integer> ids = new HashMap<>(sorted.size() * 2);
            int i = 0;
            for (String s : sorted) ids.put(s, i++);
            return ids;
        }

        int string(String s) {
            return stringIds.get(s);
        }

        int signature(String s) {
            return signatureIds.get(s);
        }
    }
}
