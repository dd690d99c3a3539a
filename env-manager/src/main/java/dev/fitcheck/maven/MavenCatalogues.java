package dev.fitcheck.maven;

import dev.fitcheck.java.JarApiReader;
import dev.fitcheck.java.JavaCatalogue;
import dev.fitcheck.java.JavaCatalogueBuilder;
import dev.fitcheck.java.JavaCatalogueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Java catalogues of Maven artifacts: lists the released versions through the resolver, fetches
 * the jars of the selected releases the stored catalogue lacks, reads them with ASM and stores the
 * extended catalogue (snapshots are read but never stored: their jars change under one version).
 */
public final class MavenCatalogues {

    private final MavenResolution maven;
    private final JavaCatalogueStore store;
    private final Consumer<String> progress;

    public MavenCatalogues(MavenResolution maven, JavaCatalogueStore store, Consumer<String> progress) {
        this.maven = maven;
        this.store = store;
        this.progress = progress;
    }

    /** Where catalogues live unless told otherwise: {@code $XDG_CACHE_HOME/fitcheck/catalogues/maven} or ~/.cache/... */
    public static Path defaultStore() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("fitcheck").resolve("catalogues").resolve("maven");
    }

    public CatalogueResult catalogues(CatalogueRequest request) {
        List<ResolutionError> errors = new ArrayList<>();
        VersionsResult listed = maven.listVersions(new VersionsRequest(List.copyOf(request.artifacts().keySet()),
                request.repositories()));
        errors.addAll(listed.errors());
        Map<String, JavaCatalogue> out = new LinkedHashMap<>();
        JarApiReader reader = new JarApiReader();
        for (Map.Entry<String, String> e : request.artifacts().entrySet()) {
            String id = e.getKey();
            String resolved = e.getValue();
            List<String> released = listed.versions().getOrDefault(id, List.of());
            List<String> wanted = request.selection().select(released, resolved);
            Optional<JavaCatalogue> stored = store.load(id);
            JavaCatalogueBuilder builder = stored.map(JavaCatalogueBuilder::from).orElseGet(() -> new JavaCatalogueBuilder(id));
            List<ArtifactCoordinate> missing = new ArrayList<>();
            for (String v : wanted) {
                if (!builder.has(v) || v.endsWith("-SNAPSHOT")) {
                    String[] ga = id.split(":");
                    missing.add(new ArtifactCoordinate(ga[0], ga[1], v));
                }
            }
            if (!missing.isEmpty()) {
                progress.accept("cataloguing " + missing.size() + " release" + (missing.size() == 1 ? "" : "s") + " of " + id);
                JarsResult jars = maven.fetchJars(new JarsRequest(missing, request.repositories()));
                errors.addAll(jars.errors());
                boolean storable = false;
                for (ArtifactCoordinate c : missing) {
                    Path jar = jars.jars().get(c);
                    if (jar == null) continue;
                    builder.add(c.version(), reader.read(jar));
                    storable |= !c.version().endsWith("-SNAPSHOT");
                }
                JavaCatalogue built = builder.build();
                if (storable) {
                    JavaCatalogue keep = built.select(built.versions().stream().filter(v -> !v.endsWith("-SNAPSHOT")).toList());
                    store.save(keep);
                }
                out.put(id, built.select(wanted));
            } else {
                out.put(id, builder.build().select(wanted));
            }
        }
        return new CatalogueResult(out, errors);
    }
}
