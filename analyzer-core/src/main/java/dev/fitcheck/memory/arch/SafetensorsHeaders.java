package dev.fitcheck.memory.arch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tensor names, shapes and dtypes from safetensors files, reading only each file's 8-byte header
 * length and its JSON header, never the tensor data: a 20 GB checkpoint is counted from a few
 * kilobytes. A directory is read through its {@code model.safetensors.index.json} when present,
 * else every {@code *.safetensors} file in it.
 */
public final class SafetensorsHeaders {

    /** A header may not exceed 100 MB (the format's own limit); anything larger is not safetensors. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SafetensorsHeaders() {
    }

    /** Every tensor of the checkpoint in {@code dir}; {@link TensorKind} is a guess from the name, refined later. */
    public static List<TensorSpec> read(Path dir) {
        List<Path> files = shards(dir);
        if (files.isEmpty()) {
            throw new InputError(SourceLocation.wholeFile(dir), "no safetensors files here; expected model.safetensors "
                    + "or model.safetensors.index.json with its shards");
        }
        List<TensorSpec> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(readFile(f));
        }
        return all;
    }

    static List<Path> shards(Path dir) {
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            JsonNode map;
            try {
                map = MAPPER.readTree(index.toFile()).path("weight_map");
            } catch (IOException e) {
                throw new InputError(SourceLocation.wholeFile(index), "is not valid JSON: " + e.getMessage());
            }
            if (!map.isObject()) {
                throw new InputError(SourceLocation.of(index, 1), "expected a 'weight_map' object of tensor name to shard file");
            }
            TreeSet<String> names = new TreeSet<>();
            map.fields().forEachRemaining(e -> names.add(e.getValue().asText()));
            List<Path> files = new ArrayList<>();
            for (String n : names) {
                Path shard = dir.resolve(n).normalize();
                if (!Files.isRegularFile(shard)) {
                    throw new InputError(SourceLocation.wholeFile(index), "names shard " + n + ", which is not in " + dir);
                }
                files.add(shard);
            }
            return files;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(dir), "cannot be listed: " + e.getMessage());
        }
    }

    public static List<TensorSpec> readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] len = in.readNBytes(8);
            if (len.length < 8) {
                throw new InputError(SourceLocation.wholeFile(file), "is too short for a safetensors file (no 8-byte header length)");
            }
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n <= 1 || n > MAX_HEADER || n > Files.size(file) - 8) {
                throw new InputError(SourceLocation.wholeFile(file), "has a header length of " + n
                        + " bytes, which does not fit the file; expected a safetensors file");
            }
            byte[] header = in.readNBytes((int) n);
            JsonNode root = MAPPER.readTree(header);
            List<TensorSpec> tensors = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonNode shape = e.getValue().path("shape");
                String dtype = e.getValue().path("dtype").asText("");
                if (!shape.isArray() || dtype.isEmpty()) {
                    throw new InputError(SourceLocation.wholeFile(file), "tensor '" + e.getKey()
                            + "' has no shape or dtype in the header");
                }
                List<Long> dims = new ArrayList<>();
                shape.forEach(d -> dims.add(d.asLong()));
                tensors.add(new TensorSpec(e.getKey(), dims, guessKind(e.getKey(), dims.size()), Optional.of(dtype)));
            }
            return tensors;
        } catch (IOException e) {
            throw new InputError(SourceLocation.wholeFile(file), "cannot be read as safetensors: " + e.getMessage());
        }
    }

    /** What a tensor most likely is from its name and rank, for tensors the configs do not predict. */
    static TensorKind guessKind(String name, int rank) {
        if (name.endsWith(".bias") || name.endsWith("_bias")) return TensorKind.BIAS;
        if (rank >= 3) return TensorKind.CONV;
        if (name.contains("embed") && rank == 2) return TensorKind.EMBEDDING;
        if (rank == 1) return name.contains("norm") ? TensorKind.NORM : TensorKind.PARAMETER;
        return name.endsWith(".weight") ? TensorKind.LINEAR_WEIGHT : TensorKind.PARAMETER;
    }
}
