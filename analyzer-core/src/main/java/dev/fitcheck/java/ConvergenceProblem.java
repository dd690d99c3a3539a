package dev.fitcheck.java;

import java.util.List;

/**
 * The same artifact requested at different versions, as the enforcer's dependencyConvergence rule
 * reports it: each request's version with its path from the project, and the version nearest-wins
 * selected.
 */
public record ConvergenceProblem(String artifact, String selectedVersion, List<Request> requests) {

    /** One request: the version asked for and the path of artifacts (labels) from the project to it. */
    public record Request(String version, List<String> path) {
        public Request {
            path = List.copyOf(path);
        }
    }

    public ConvergenceProblem {
        requests = List.copyOf(requests);
    }

    /** The enforcer's text: "Dependency convergence error for g:a:v paths to dependency are:" and each path. */
    public String enforcerText() {
        StringBuilder sb = new StringBuilder("Dependency convergence error for " + artifact + ":" + selectedVersion
                + " (nearest-wins selected " + selectedVersion + ") paths to dependency are:\n");
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) sb.append("and\n");
            List<String> path = requests.get(i).path();
            for (int d = 0; d < path.size(); d++) {
                sb.append("  ".repeat(d)).append("+-").append(path.get(d)).append('\n');
            }
        }
        return sb.toString();
    }
}
