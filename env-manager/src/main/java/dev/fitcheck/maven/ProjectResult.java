package dev.fitcheck.maven;

import java.util.List;

/** Every module of the project (the root first, then its modules in pom order), each resolved. */
public record ProjectResult(List<MavenModule> modules) {

    public ProjectResult {
        modules = List.copyOf(modules);
    }

    /** Modules that build code (not aggregators of packaging pom). */
    public List<MavenModule> codeModules() {
        return modules.stream().filter(m -> !"pom".equals(m.project().packaging())).toList();
    }
}
