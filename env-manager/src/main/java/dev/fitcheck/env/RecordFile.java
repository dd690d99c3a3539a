package dev.fitcheck.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dist-info RECORD: the installed files, relative to site-packages, with the hash the wheel
 * declared for each ({@code sha256=<urlsafe base64>}) and its size. Paths may be quoted CSV.
 */
public record RecordFile(List<Entry> entries) {

    public record Entry(String path, Optional<String> hash, Optional<Long> size) {
    }

    public RecordFile {
        entries = List.copyOf(entries);
    }

    public static RecordFile read(Path distInfo) throws IOException {
        Path record = distInfo.resolve("RECORD");
        if (!Files.isRegularFile(record)) {
            return new RecordFile(List.of());
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            List<String> cells = csv(line);
            String path = cells.get(0);
            Optional<String> hash = cells.size() > 1 && !cells.get(1).isEmpty() ? Optional.of(cells.get(1)) : Optional.empty();
            Optional<Long> size = Optional.empty();
            if (cells.size() > 2 && !cells.get(2).isEmpty()) {
                try {
                    size = Optional.of(Long.parseLong(cells.get(2)));
                } catch (NumberFormatException e) {
                    // a size that is not a number is ignored; the hash still identifies the file
                }
            }
            entries.add(new Entry(path, hash, size));
        }
        return new RecordFile(entries);
    }

    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
