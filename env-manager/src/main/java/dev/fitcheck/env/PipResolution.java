package dev.fitcheck.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code pip install --dry-run --report} decided to install, and the part of it that remains
 * once some packages are left out: everything reachable from the requested packages without
 * passing through a left-out one. A package that only torch needs (triton, the nvidia-* wheels)
 * goes with torch; one that others need too stays.
 */
final class PipResolution {

    record Item(PackageName name, String version, Optional<String> directUrl, boolean requested,
            List<String> requestedExtras, List<String> requiresDist) {

        String line() {
            return directUrl.map(u -> name.value() + " @ " + u).orElse(name.value() + "==" + version);
        }
    }

    private static final Pattern EXTRA_IN_MARKER = Pattern.compile("extra\\s*==\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern NAME_AND_EXTRAS = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[([^\\]]*)\\])?");

    private final Map<PackageName, Item> items;

    private PipResolution(Map<PackageName, Item> items) {
        this.items = items;
    }

    static PipResolution read(Path report) throws IOException {
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        Map<PackageName, Item> items = new LinkedHashMap<>();
        for (JsonNode i : root.path("install")) {
            JsonNode meta = i.path("metadata");
            List<String> extras = new ArrayList<>();
            i.path("requested_extras").forEach(e -> extras.add(e.asText()));
            List<String> requires = new ArrayList<>();
            meta.path("requires_dist").forEach(r -> requires.add(r.asText()));
            Optional<String> url = i.path("is_direct").asBoolean(false)
                    ? Optional.of(i.path("download_info").path("url").asText()) : Optional.empty();
            PackageName name = PackageName.of(meta.path("name").asText());
            items.put(name, new Item(name, meta.path("version").asText(), url, i.path("requested").asBoolean(false),
                    extras, requires));
        }
        return new PipResolution(items);
    }

    List<Item> all() {
        return List.copyOf(items.values());
    }

    /** The items to install when {@code leftOut} are not installed, in the report's order. */
    List<Item> without(Set<PackageName> leftOut) {
        Set<PackageName> reached = new HashSet<>();
        Deque<Map.Entry<Item, List<String>>> queue = new ArrayDeque<>();
        for (Item i : items.values()) {
            if (i.requested() && !leftOut.contains(i.name()) && reached.add(i.name())) {
                queue.add(Map.entry(i, i.requestedExtras()));
            }
        }
        while (!queue.isEmpty()) {
            Map.Entry<Item, List<String>> e = queue.poll();
            for (String req : e.getKey().requiresDist()) {
                if (!activeUnder(req, e.getValue())) continue;
                Matcher m = NAME_AND_EXTRAS.matcher(req);
                if (!m.find()) continue;
                PackageName dep = PackageName.of(m.group(1));
                Item target = items.get(dep);
                if (target == null || leftOut.contains(dep) || !reached.add(dep)) continue;
                List<String> extras = m.group(3) == null ? List.of()
                        : List.of(m.group(3).replace(" ", "").split(","));
                queue.add(Map.entry(target, extras));
            }
        }
        return items.values().stream().filter(i -> reached.contains(i.name())).toList();
    }

    /** A dependency guarded by {@code extra == "x"} counts only when extra x was asked for. */
    private static boolean activeUnder(String requirement, List<String> extras) {
        int semi = requirement.indexOf(';');
        if (semi < 0) return true;
        Matcher m = EXTRA_IN_MARKER.matcher(requirement.substring(semi));
        boolean mentionsExtra = false;
        while (m.find()) {
            mentionsExtra = true;
            String wanted = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
            for (String e : extras) {
                if (e.toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) return true;
            }
        }
        return !mentionsExtra;
    }
}
