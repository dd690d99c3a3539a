package dev.fitcheck.catalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.version.InvalidVersionException;
import dev.fitcheck.version.Version;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
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
 * { "ecosystem": "pypi", "format": "fitcheck-api-catalogue", "formatVersion": 1,
 *   "modules": [ [moduleId, "ranges", [ name, ... ]], ... ],
 *   "package": "transformers",
 *   "requirements": [ ["huggingface-hub<1.0,>=0.23.2", "ranges"], ... ],
 *   "signatures": [ "self, config, **kwargs", ... ],
 *   "strings": [ ... ],
 *   "versions": [ "4.30.0", ... ] }
 * name:    [nameId, [[kindCode, flags, targetId or -1, "ranges"], ...], bases, signatures, members]
 *          (flags: 1 type-only, 2 exported; trailing empty lists are left out)
 * bases:   [[[targetId, ...], "ranges"], ...]
 * signatures: [[signatureId, "ranges"], ...]
 * members: [[memberId, [[kindCode, "ranges"], ...], signatures], ...]
 * </pre>
 */
public final class CatalogueStore {

    public static final String FORMAT = "fitcheck-api-catalogue";
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogueStore() {
    }

    /** Writes atomically: the file is either the old one or the complete new one. */
    public static void write(ApiCatalogue c, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(c, out);
                }
                try {
                    // temporary files are owner-only; a catalogue is for everyone who can read the directory
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its defaults apply
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gzip bytes of a catalogue. */
    public static void write(ApiCatalogue c, OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
        Tables t = Tables.of(c);
        try (JsonGenerator g = JSON.createGenerator(gz)) {
            g.writeStartObject();
            g.writeStringField("ecosystem", c.ecosystem());
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", FORMAT_VERSION);
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
            g.writeStringField("package", c.packageName());
            g.writeArrayFieldStart("requirements");
            for (Versioned<String> r : c.requirements()) {
                g.writeStartArray();
                g.writeString(r.value());
                g.writeString(r.versions().toString());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("signatures");
            for (String s : t.signatures) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("strings");
            for (String s : t.strings) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("versions");
            for (Version v : c.versions()) g.writeString(v.toString());
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
        boolean members = !n.members().isEmpty();
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
                if (!m.signatures().isEmpty()) writeSignatures(g, t, m.signatures());
                g.writeEndArray();
            }
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
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputError(file, 0, "no API catalogue here (build one with `fitcheck catalogue build`)");
        } catch (JsonProcessingException e) {
            throw new InputError(file, 0, "not a fitcheck API catalogue: broken JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InputError(file, 0, "not a fitcheck API catalogue: " + e.getMessage());
        }
    }

    /**
     * Reads a catalogue from gzip-free JSON. {@code origin} names it in messages. The whole text
     * is tokenised here (so broken JSON is refused at once), but each module's names are decoded
     * only when first asked for: a scan touches a few dozen of thousands of modules.
     */
    public static ApiCatalogue read(InputStream json, String origin) throws IOException {
        byte[] bytes = json.readAllBytes();
        try {
            return decode(bytes, origin);
        } catch (RuntimeException e) {
            if (e instanceof InputError ie) throw ie;
            throw new InputError(Path.of(origin), 0, "not a fitcheck API catalogue: " + e.getMessage());
        }
    }

    /** Where one module's names lie in the JSON text, and what precedes them. */
    private record ModuleEntry(int moduleId, String ranges, int namesStart, int namesEnd) {
    }

    private static ApiCatalogue decode(byte[] bytes, String origin) throws IOException {
        String format = null;
        int formatVersion = -1;
        String ecosystem = "";
        String packageName = "";
        List<ModuleEntry> entries = new ArrayList<>();
        List<Versioned<String>> reqs = new ArrayList<>();
        List<String> signatureTexts = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<String> versionTexts = new ArrayList<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the \"format\" field is not \"" + FORMAT + "\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getValueAsString();
                    case "formatVersion" -> formatVersion = p.getValueAsInt(-1);
                    case "ecosystem" -> ecosystem = p.getValueAsString("");
                    case "package" -> packageName = p.getValueAsString("");
                    case "modules" -> {
                        expect(value, JsonToken.START_ARRAY, "modules");
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            p.nextToken();
                            int id = p.getIntValue();
                            p.nextToken();
                            String ranges = p.getText();
                            expect(p.nextToken(), JsonToken.START_ARRAY, "a module's names");
                            int start = (int) p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            int end = (int) p.currentLocation().getByteOffset();
                            entries.add(new ModuleEntry(id, ranges, start, end));
                            expect(p.nextToken(), JsonToken.END_ARRAY, "a module");
                        }
                    }
                    case "requirements" -> {
                        expect(value, JsonToken.START_ARRAY, "requirements");
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            p.nextToken();
                            String text = p.getText();
                            p.nextToken();
                            reqs.add(new Versioned<>(text, IndexRanges.parse(p.getText())));
                            expect(p.nextToken(), JsonToken.END_ARRAY, "a requirement");
                        }
                    }
                    case "signatures" -> texts(p, value, signatureTexts, "signatures");
                    case "strings" -> texts(p, value, strings, "strings");
                    case "versions" -> texts(p, value, versionTexts, "versions");
                    default -> p.skipChildren();
                }
            }
        }
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("the \"format\" field is not \"" + FORMAT + "\"");
        }
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + formatVersion + " is not the supported " + FORMAT_VERSION);
        }
        List<Version> versions = new ArrayList<>();
        for (String v : versionTexts) {
            try {
                versions.add(Version.parse(v));
            } catch (InvalidVersionException e) {
                throw new IllegalArgumentException("version '" + v + "' is not PEP 440");
            }
        }
        SignatureTable signatures = new SignatureTable(signatureTexts);
        TreeMap<String, ModuleApi> modules = new TreeMap<>();
        for (ModuleEntry e : entries) {
            String module = strings.get(e.moduleId());
            modules.put(module, new ModuleApi(module, IndexRanges.parse(e.ranges()),
                    new DecodedOnFirstUse<>(() -> names(bytes, e, strings, signatures, origin))));
        }
        return new ApiCatalogue(ecosystem, packageName, versions, modules, reqs);
    }

    private static void texts(JsonParser p, JsonToken value, List<String> out, String what) throws IOException {
        expect(value, JsonToken.START_ARRAY, what);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.VALUE_STRING, what);
            out.add(p.getText());
        }
    }

    private static void expect(JsonToken got, JsonToken wanted, String what) {
        if (got != wanted) {
            throw new IllegalArgumentException(what + ": expected " + wanted.asString() + " but found " + got);
        }
    }

    /** One module's names, decoded from their place in the text. */
    private static SortedMap<String, NameApi> names(byte[] bytes, ModuleEntry e, List<String> strings,
            SignatureTable signatures, String origin) {
        try (JsonParser p = JSON.createParser(bytes, e.namesStart(), e.namesEnd() - e.namesStart())) {
            JsonNode list = MAPPER.readTree(p);
            TreeMap<String, NameApi> names = new TreeMap<>();
            for (JsonNode n : list) {
                NameApi name = decodeName(n, strings, signatures);
                names.put(name.name(), name);
            }
            return names;
        } catch (IOException | RuntimeException ex) {
            throw new InputError(Path.of(origin), 0, "not a fitcheck API catalogue: module "
                    + strings.get(e.moduleId()) + ": " + ex.getMessage());
        }
    }

    /** Signatures are parsed when a decoded module first needs one. */
    private static final class SignatureTable {
        private final List<String> texts;
        private final Signature[] parsed;

        SignatureTable(List<String> texts) {
            this.texts = texts;
            this.parsed = new Signature[texts.size()];
        }

        synchronized Signature get(int i) {
            Signature s = parsed[i];
            if (s == null) {
                s = Signature.parse(texts.get(i));
                parsed[i] = s;
            }
            return s;
        }
    }

    private static NameApi decodeName(JsonNode n, List<String> strings, SignatureTable signatures) {
        String name = strings.get(n.get(0).asInt());
        List<NameVariant> variants = new ArrayList<>();
        for (JsonNode v : n.get(1)) {
            int flags = v.get(1).asInt();
            int target = v.get(2).asInt();
            variants.add(new NameVariant(SymbolKind.ofCode(v.get(0).asText()), (flags & 1) != 0, (flags & 2) != 0,
                    target < 0 ? null : strings.get(target), IndexRanges.parse(v.get(3).asText())));
        }
        List<Versioned<List<String>>> bases = new ArrayList<>();
        if (n.size() > 2) {
            for (JsonNode b : n.get(2)) {
                List<String> list = new ArrayList<>();
                b.get(0).forEach(x -> list.add(strings.get(x.asInt())));
                bases.add(new Versioned<>(List.copyOf(list), IndexRanges.parse(b.get(1).asText())));
            }
        }
        List<Versioned<Signature>> sigs = n.size() > 3 ? decodeSignatures(n.get(3), signatures) : List.of();
        TreeMap<String, MemberApi> members = new TreeMap<>();
        if (n.size() > 4) {
            for (JsonNode m : n.get(4)) {
                String member = strings.get(m.get(0).asInt());
                List<Versioned<SymbolKind>> kinds = new ArrayList<>();
                for (JsonNode k : m.get(1)) {
                    kinds.add(new Versioned<>(SymbolKind.ofCode(k.get(0).asText()), IndexRanges.parse(k.get(1).asText())));
                }
                List<Versioned<Signature>> msigs = m.size() > 2 ? decodeSignatures(m.get(2), signatures) : List.of();
                members.put(member, new MemberApi(member, kinds, msigs));
            }
        }
        return new NameApi(name, variants, bases, sigs, members);
    }

    private static List<Versioned<Signature>> decodeSignatures(JsonNode node, SignatureTable signatures) {
        List<Versioned<Signature>> out = new ArrayList<>();
        for (JsonNode s : node) {
            out.add(new Versioned<>(signatures.get(s.get(0).asInt()), IndexRanges.parse(s.get(1).asText())));
        }
        return out;
    }

    /** The sorted string and signature tables of one catalogue. */
    private record Tables(List<String> strings, Map<String, Integer> stringIds, List<String> signatures,
                          Map<String, Integer> signatureIds) {

        static Tables of(ApiCatalogue c) {
            TreeSet<String> strings = new TreeSet<>();
            TreeSet<String> sigs = new TreeSet<>();
            for (ModuleApi m : c.modules().values()) {
                strings.add(m.module());
                for (NameApi n : m.names().values()) {
                    strings.add(n.name());
                    for (NameVariant v : n.variants()) if (v.target() != null) strings.add(v.target());
                    for (Versioned<List<String>> b : n.bases()) strings.addAll(b.value());
                    for (Versioned<Signature> s : n.signatures()) sigs.add(s.value().toString());
                    for (MemberApi mem : n.members().values()) {
                        strings.add(mem.member());
                        for (Versioned<Signature> s : mem.signatures()) sigs.add(s.value().toString());
                    }
                }
            }
            return new Tables(new ArrayList<>(strings), index(strings), new ArrayList<>(sigs), index(sigs));
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
