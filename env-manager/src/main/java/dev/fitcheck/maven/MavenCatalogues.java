package dev.fitcheck.maven;

import dev.fitcheck.catalogue.ApiCatalogue;
import dev.fitcheck.catalogue.CatalogueDirectory;
import dev.fitcheck.catalogue.Ecosystem;
import dev.fitcheck.evidence.InputError;
import dev.fitcheck.java.JarApiReader;
import dev.fitcheck.java.JavaCatalogue;
import dev.fitcheck.java.JavaCatalogueBuilder;
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
 * extended catalogue in the catalogue store every ecosystem shares
 * ({@code maven/GROUP/ARTIFACT.json.gz}; snapshots are read but never stored: their jars change
 * under one version).
 */
public final class MavenCatalogues {

    private final MavenResolution maven;
    private final CatalogueDirectory store;
    private final Consumer<String> progress;

    public MavenCatalogues(MavenResolution maven, CatalogueDirectory store, Consumer<String> progress) {
        this.maven = maven;
        this.store = store;
        this.progress = progress;
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
            JavaCatalogueBuilder builder = stored(id).map(JavaCatalogueBuilder::from).orElseGet(() -> new JavaCatalogueBuilder(id));
            List<ArtifactCoordinate> missing = new ArrayList<>();
            for (String v : wanted) {
                if (!builder.has(v) || v.endsWith("-SNAPSHOT")) {
                    String[] ga = id.split(":");
                    missing.add(new ArtifactCoordinate(ga[0], ga[1], v));
                }
            }
            ApiCatalogue built;
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
                built = builder.build();
                if (storable) {
                    store.save(built.select(built.versionLabels().stream().filter(v -> !v.endsWith("-SNAPSHOT")).toList()));
                }
            } else {
                built = builder.build();
            }
            out.put(id, new JavaCatalogue(built.select(wanted)));
        }
        return new CatalogueResult(out, errors);
    }

    /**
     * The stored catalogue, if one can be read. This is a cache: a file fitcheck cannot read (an
     * older format, a damaged file) is rebuilt from the jars and replaced, not an error.
     */
    private Optional<ApiCatalogue> stored(String id) {
        try {
            return store.load(Ecosystem.MAVEN, id).filter(c -> c.axis().ecosystem() == Ecosystem.MAVEN
                    && c.packageName().equals(id));
        } catch (InputError e) {
            progress.accept("rebuilding the catalogue of " + id + ": " + e.sentence());
            return Optional.empty();
        }
    }
}
