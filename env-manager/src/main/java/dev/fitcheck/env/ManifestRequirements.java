package dev.fitcheck.env;

import dev.fitcheck.manifest.DirectReference;
import dev.fitcheck.manifest.ManifestReader;
import dev.fitcheck.manifest.Marker;
import dev.fitcheck.manifest.Requirement;
import dev.fitcheck.workspace.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model's declared requirements from its manifests, read by analyzer-core's manifest readers, in
 * manifest order. Left out: conda specs (conda, not pip, installs them) and unnamed local
 * projects ({@code -e .}: the model's own tree, which the imports stage puts on the path).
 * Index options in manifests are not applied: in an install script they belong to one pip line
 * (torch's CUDA index), not to the whole environment; the machine's package sources decide.
 */
public final class ManifestRequirements implements DeclaredRequirements {

    @Override
    public List<DeclaredRequirement> of(ModelSpec model) {
        List<DeclaredRequirement> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path manifest : model.manifests()) {
            for (Requirement r : ManifestReader.read(manifest).requirements()) {
                if (!r.isNamed() || r.origin() == Requirement.Origin.CONDA) continue;
                // An install script that runs `pip install -r requirements.txt` reads the same lines again.
                if (!seen.add(r.location().display() + "\u0000" + r.text())) continue;
                out.add(new DeclaredRequirement(PackageName.of(r.name()), r.extras(), r.specifier().toString(),
                        r.marker().map(Marker::toString).orElse(""), r.reference().map(DirectReference::url),
                        Optional.of(r.location().relativeTo(model.path()))));
            }
        }
        return out;
    }
}
