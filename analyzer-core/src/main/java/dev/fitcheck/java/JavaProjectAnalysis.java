package dev.fitcheck.java;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One module read once: the class path's APIs, the sources' references into it, the linkage
 * problems between its jars, and the references into each artifact (from sources and from other
 * jars) that {@link #ranges} bounds releases with.
 */
public final class JavaProjectAnalysis {

    private final ModuleInput input;
    private final ClassPath classPath;
    private final SourceReferences sources;
    private final LinkageReport linkage;
    private final Map<String, List<JavaReference>> byArtifact;

    private JavaProjectAnalysis(ModuleInput input, ClassPath classPath, SourceReferences sources, LinkageReport linkage,
            Map<String, List<JavaReference>> byArtifact) {
        this.input = input;
        this.classPath = classPath;
        this.sources = sources;
        this.linkage = linkage;
        this.byArtifact = byArtifact;
    }

    public static JavaProjectAnalysis of(ModuleInput input) {
        ClassPath classPath = classPathOf(input.classPath());
        List<Path> roots = new ArrayList<>(input.sourceRoots());
        roots.addAll(input.siblingSourceRoots());
        SourceReferenceExtractor extractor = new SourceReferenceExtractor(roots,
                input.classPath().stream().map(ClassPathJar::file).toList(),
                owner -> classPath.entryOf(owner).isPresent());
        SourceReferenceExtractor own = new SourceReferenceExtractor(input.sourceRoots(), List.of(), o -> false);
        SourceReferences sources = extractor.extract(own.sourceFiles());
        Set<String> ids = classPath.entries().stream().map(ClassPath.Entry::id).collect(Collectors.toSet());
        LinkageReport linkage = new LinkageChecker().check(classPath, (a, b) -> true, ids, Optional.empty());
        Map<String, List<JavaReference>> byArtifact = new LinkedHashMap<>();
        for (JavaReference r : sources.references()) {
            classPath.entryOf(r.symbol().owner()).ifPresent(e -> byArtifact.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(r));
        }
        linkage.referencesInto().forEach((id, refs) -> byArtifact.computeIfAbsent(id, k -> new ArrayList<>()).addAll(refs));
        return new JavaProjectAnalysis(input, classPath, sources, linkage, byArtifact);
    }

    /** Reads each jar's API once; a jar that is a directory of classes (a built sibling) works too. */
    public static ClassPath classPathOf(List<ClassPathJar> jars) {
        JarApiReader reader = new JarApiReader();
        List<ClassPath.Entry> entries = new ArrayList<>();
        for (ClassPathJar j : jars) {
            entries.add(new ClassPath.Entry(j.id(), j.version(), j.file(), reader.read(j.file())));
        }
        return new ClassPath(entries);
    }

    public ModuleInput input() {
        return input;
    }

    public ClassPath classPath() {
        return classPath;
    }

    public SourceReferences sources() {
        return sources;
    }

    public LinkageReport linkage() {
        return linkage;
    }

    /** Per artifact id, the references into it: the sources' first, then other jars'. */
    public Map<String, List<JavaReference>> referencesByArtifact() {
        return byArtifact;
    }

    /** The artifacts the project's sources use directly, and those it declares, in class path order. */
    public Set<String> artifactsToRange() {
        Set<String> used = new TreeSet<>();
        sources.references().forEach(r -> classPath.entryOf(r.symbol().owner()).ifPresent(e -> used.add(e.id())));
        Set<String> out = new LinkedHashSet<>();
        for (ClassPathJar j : input.classPath()) {
            if (used.contains(j.id()) || j.direct()) out.add(j.id());
        }
        return out;
    }

    /** The range of releases each catalogued artifact allows (catalogues must hold the resolved release). */
    public List<DependencyRange> ranges(Map<String, JavaCatalogue> catalogues) {
        return RangeInference.infer(classPath, byArtifact, catalogues);
    }
}
