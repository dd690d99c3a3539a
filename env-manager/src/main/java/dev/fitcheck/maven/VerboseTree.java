package dev.fitcheck.maven;

import dev.fitcheck.java.ConvergenceProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.util.graph.manager.DependencyManagerUtils;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;

/**
 * The resolver's verbose tree (losers of version conflicts kept, marked with their winner) turned
 * into fitcheck's {@link GraphNode}s, and the convergence problems read off it the way the
 * enforcer's dependencyConvergence rule does. Test-scoped nodes are left out: they are not on the
 * main class path.
 */
final class VerboseTree {

    private VerboseTree() {
    }

    static GraphNode convert(DependencyNode root) {
        return convert(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static GraphNode convert(DependencyNode node, Set<DependencyNode> onPath) {
        Artifact a = node.getArtifact();
        String scope = node.getDependency() == null ? "" : node.getDependency().getScope();
        boolean optional = node.getDependency() != null && node.getDependency().isOptional();
        Object winner = node.getData().get(ConflictResolver.NODE_DATA_WINNER);
        Optional<String> winnerVersion = winner instanceof DependencyNode w && w.getArtifact() != null
                && !w.getArtifact().getVersion().equals(a.getVersion())
                ? Optional.of(w.getArtifact().getVersion()) : Optional.empty();
        Optional<String> premanaged = Optional.ofNullable(DependencyManagerUtils.getPremanagedVersion(node));
        List<GraphNode> children = new ArrayList<>();
        if (onPath.add(node)) {
            for (DependencyNode c : node.getChildren()) {
                if (c.getDependency() != null && "test".equals(c.getDependency().getScope())) continue;
                children.add(convert(c, onPath));
            }
            onPath.remove(node);
        }
        return new GraphNode(a.getGroupId(), a.getArtifactId(), a.getVersion(), scope, optional,
                winnerVersion, premanaged, children);
    }

    /** Every artifact requested at more than one version, with each path, and the selected version. */
    static List<ConvergenceProblem> convergence(GraphNode root) {
        Map<String, Map<String, List<List<String>>>> requests = new LinkedHashMap<>();
        Map<String, String> selected = new LinkedHashMap<>();
        walk(root, new ArrayList<>(), requests, selected);
        List<ConvergenceProblem> out = new ArrayList<>();
        requests.forEach((id, byVersion) -> {
            if (byVersion.size() < 2) return;
            List<ConvergenceProblem.Request> rs = new ArrayList<>();
            byVersion.forEach((v, paths) -> paths.forEach(p -> rs.add(new ConvergenceProblem.Request(v, p))));
            out.add(new ConvergenceProblem(id, selected.getOrDefault(id, "?"), rs));
        });
        return out;
    }

    private static void walk(GraphNode node, List<String> path, Map<String, Map<String, List<List<String>>>> requests,
            Map<String, String> selected) {
        path.add(node.label());
        if (path.size() > 1) {
            requests.computeIfAbsent(node.id(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(node.version(), k -> new ArrayList<>()).add(List.copyOf(path));
            if (!node.lost()) selected.putIfAbsent(node.id(), node.version());
            else selected.putIfAbsent(node.id() + "#", node.winnerVersion().get());
        }
        for (GraphNode c : node.children()) {
            walk(c, path, requests, selected);
        }
        path.remove(path.size() - 1);
        if (path.isEmpty()) {
            // an artifact seen only as a loser (its winner under a test-scoped branch) still has a winner to name
            Set<String> ids = new LinkedHashSet<>(requests.keySet());
            for (String id : ids) {
                if (!selected.containsKey(id) && selected.containsKey(id + "#")) selected.put(id, selected.get(id + "#"));
            }
            selected.keySet().removeIf(k -> k.endsWith("#"));
        }
    }
}
