package dev.fitcheck.java;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Java catalogues on disk as gzip JSON: keys sorted, no timestamps, so the same releases always
 * give the same bytes. Written to a temporary file and renamed into place, so an interrupted write
 * leaves the previous catalogue intact.
 */
public final class JavaCatalogueStore {

    static final String FORMAT = "fitcheck-java-catalogue/1";

    private final Path root;

    /** @param root the directory that holds one {@code groupId/artifactId.json.gz} per artifact */
    public JavaCatalogueStore(Path root) {
        this.root = root;
    }

    public Path pathOf(String artifact) {
        String[] ga = artifact.split(":", -1);
        if (ga.length != 2 || ga[0].isEmpty() || ga[1].isEmpty()) {
            throw new IllegalArgumentException("an artifact is groupId:artifactId, got " + artifact);
        }
        return root.resolve(ga[0]).resolve(ga[1] + ".json.gz");
    }

    public Optional<JavaCatalogue> load(String artifact) {
        Path file = pathOf(artifact);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public void save(JavaCatalogue catalogue) {
        write(catalogue, pathOf(catalogue.artifact()));
    }

    public static JavaCatalogue read(Path file) {
        JsonNode doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            doc = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new InputError(file, 0, "expected a gzip JSON Java catalogue (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(doc.path("format").asText())) {
            throw new InputError(file, 0, "expected a catalogue of format " + FORMAT + ", found '"
                    + doc.path("format").asText() + "'");
        }
        List<String> versions = new ArrayList<>();
        doc.path("versions").forEach(v -> versions.add(v.asText()));
        Map<String, ClassHistory> classes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            Map<String, MemberHistory> members = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> mi = c.path("members").fields(); mi.hasNext(); ) {
                Map.Entry<String, JsonNode> me = mi.next();
                String key = me.getKey();
                int space = key.indexOf(' ');
                JsonNode m = me.getValue();
                members.put(key, new MemberHistory(MemberKind.valueOf(m.path("kind").asText()),
                        key.substring(0, space), key.substring(space + 1), set(m.path("present")),
                        set(m.path("static")), set(m.path("protected")), set(m.path("final"))));
            }
            classes.put(e.getKey(), new ClassHistory(e.getKey(), ClassKind.valueOf(c.path("kind").asText()),
                    set(c.path("present")), set(c.path("exported")), set(c.path("interface")), set(c.path("final")),
                    sets(c.path("superclasses")), sets(c.path("interfaces")), members));
        }
        return new JavaCatalogue(doc.path("artifact").asText(), versions, classes);
    }

    public static void write(JavaCatalogue catalogue, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16);
                        JsonGenerator g = new JsonFactory().createGenerator(out)) {
                    writeJson(catalogue, g);
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
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(JavaCatalogue c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeStringField("artifact", c.artifact());
        g.writeArrayFieldStart("versions");
        for (String v : c.versions()) g.writeString(v);
        g.writeEndArray();
        g.writeObjectFieldStart("classes");
        for (ClassHistory h : c.classes().values()) { // sorted maps all the way down
            g.writeObjectFieldStart(h.name());
            g.writeStringField("kind", h.kind().name());
            writeSet(g, "present", h.present());
            writeSet(g, "exported", h.exported());
            writeSet(g, "interface", h.interfaceIn());
            writeSet(g, "final", h.finalIn());
            writeSets(g, "superclasses", h.superclasses());
            writeSets(g, "interfaces", h.interfaces());
            g.writeObjectFieldStart("members");
            for (MemberHistory m : h.members().values()) {
                g.writeObjectFieldStart(m.key());
                g.writeStringField("kind", m.kind().name());
                writeSet(g, "present", m.present());
                writeSet(g, "static", m.staticIn());
                writeSet(g, "protected", m.protectedIn());
                writeSet(g, "final", m.finalIn());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeSets(JsonGenerator g, String field, Map<String, VersionIndexSet> sets) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, VersionIndexSet> e : sets.entrySet()) {
            writeSet(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeSet(JsonGenerator g, String field, VersionIndexSet set) throws IOException {
        g.writeArrayFieldStart(field);
        for (int[] iv : set.intervals()) {
            g.writeStartArray();
            g.writeNumber(iv[0]);
            g.writeNumber(iv[1]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static Map<String, VersionIndexSet> sets(JsonNode node) {
        Map<String, VersionIndexSet> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), set(e.getValue())));
        return out;
    }

    private static VersionIndexSet set(JsonNode node) {
        List<int[]> ivs = new ArrayList<>();
        node.forEach(iv -> ivs.add(new int[] {iv.path(0).asInt(), iv.path(1).asInt()}));
        return VersionIndexSet.ofIntervals(ivs);
    }
}
