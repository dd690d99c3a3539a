package dev.fitcheck.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Checks every reference a class path's compiled classes make into other entries, the way the JVM
 * would link them on first use: the errors a class path can hide until run time (a dependency
 * compiled against an older release of another). References into the JDK, and within one entry,
 * are left alone.
 */
public final class LinkageChecker {

    private final ClassFileReferenceReader reader = new ClassFileReferenceReader();

    /** Every entry against every other. */
    public LinkageReport check(ClassPath classPath) {
        return check(classPath, (from, to) -> true, Set.of(), Optional.empty());
    }

    /**
     * Classes of one jar that extend a class another jar now declares final, or override one of its
     * methods that is now final: the JVM refuses to load them.
     */
    private static void finalViolations(ClassPath classPath, ClassWorld world,
            BiPredicate<ClassPath.Entry, ClassPath.Entry> scope, List<LinkageProblem> problems) {
        for (ClassPath.Entry source : classPath.entries()) {
            for (ClassApi c : source.api().all()) {
                Optional<String> up = c.superName().filter(s -> source.api().find(s).isEmpty());
                if (up.isEmpty() || c.kind() != ClassKind.CLASS) continue;
                Optional<ClassPath.Entry> provider = classPath.entryOf(up.get());
                if (provider.isEmpty() || provider.get().id().equals(source.id()) || !scope.test(source, provider.get())) continue;
                ClassFileSite site = new ClassFileSite(source.label(), c.name(), Optional.empty(), 0);
                Optional<ClassApi> superclass = world.find(up.get());
                if (superclass.isPresent() && superclass.get().isFinal()) {
                    problems.add(new LinkageProblem(new JavaReference(JavaSymbol.ofClass(up.get()), site),
                            LookupOutcome.EXTENDS_FINAL, source.id(), provider.get().label()));
                    continue;
                }
                for (MemberApi m : c.members()) {
                    if (m.kind() != MemberKind.METHOD || m.isStatic()) continue;
                    finalIn(world, up.get(), m.key(), source).ifPresent(owner -> problems.add(new LinkageProblem(
                            new JavaReference(JavaSymbol.method(owner, m.name(), m.descriptor(), false), site),
                            LookupOutcome.OVERRIDES_FINAL, source.id(), provider.get().label())));
                }
            }
        }
    }

    /** The class up {@code start}'s superclass chain (outside {@code source}, not the JDK) that declares {@code key} final. */
    private static Optional<String> finalIn(ClassWorld world, String start, String key, ClassPath.Entry source) {
        String c = start;
        for (int depth = 0; depth < 64 && c != null; depth++) {
            if (JdkClasses.instance().find(c).isPresent()) return Optional.empty();
            Optional<ClassApi> here = world.find(c);
            if (here.isEmpty()) return Optional.empty();
            for (MemberApi m : here.get().members()) {
                if (m.key().equals(key) && !m.isStatic()) {
                    return m.isFinal() ? Optional.of(c) : Optional.empty();
                }
            }
            c = here.get().superName().orElse(null);
        }
        return Optional.empty();
    }

    /** The first superclass of {@code owner} (up its chain) that {@code entry} does not declare. */
    private static Optional<String> firstOutside(ClassPath.Entry entry, String owner, ClassWorld world) {
        String c = owner;
        for (int depth = 0; depth < 64; depth++) {
            Optional<ClassApi> here = entry.api().find(c);
            if (here.isEmpty()) return Optional.of(c);
            Optional<String> up = here.get().superName();
            if (up.isEmpty()) return Optional.empty();
            c = up.get();
        }
        return Optional.empty();
    }

    /**
     * @param scope which (caller entry, provider entry) pairs to check
     * @param collectFor artifact ids whose incoming references to keep (one per distinct symbol)
     * @param earlier a class path whose packages tell which entry a class now absent from every
     *                entry used to come from (the class path before an upgrade)
     */
    public LinkageReport check(ClassPath classPath, BiPredicate<ClassPath.Entry, ClassPath.Entry> scope,
            Set<String> collectFor, Optional<ClassPath> earlier) {
        ClassWorld world = classPath.world();
        Map<JavaSymbol, LookupOutcome> outcomes = new HashMap<>();
        List<LinkageProblem> problems = new ArrayList<>();
        Map<String, Map<JavaSymbol, JavaReference>> into = new LinkedHashMap<>();
        long[] counts = new long[2];
        for (ClassPath.Entry source : classPath.entries()) {
            reader.read(source.file(), source.label(), ref -> {
                String owner = ref.symbol().owner();
                if (source.api().find(owner).isPresent()) {
                    // a member inherited through a class of this jar: linked against the first supertype outside it
                    owner = firstOutside(source, owner, world).orElse(null);
                    if (owner == null) return;
                }
                if (JdkClasses.instance().find(owner).isPresent()) {
                    return;
                }
                String lookedUp = owner;
                Optional<ClassPath.Entry> target = classPath.entryOf(owner)
                        .or(() -> classPath.entryOfPackage(lookedUp))
                        .or(() -> earlier.flatMap(e -> e.entryOfPackage(lookedUp))
                                .flatMap(e -> classPath.entry(e.id()).or(() -> Optional.of(e))));
                if (target.isEmpty()) {
                    counts[1]++;
                    return;
                }
                ClassPath.Entry provider = target.get();
                if (provider.id().equals(source.id())) {
                    return;
                }
                if (collectFor.contains(provider.id())) {
                    into.computeIfAbsent(provider.id(), k -> new LinkedHashMap<>()).putIfAbsent(ref.symbol(), ref);
                }
                if (!scope.test(source, provider)) {
                    return;
                }
                counts[0]++;
                LookupOutcome o = outcomes.computeIfAbsent(ref.symbol(), s -> MemberLookup.resolve(world, s));
                if (o.breaks()) {
                    boolean stillThere = classPath.entry(provider.id()).isPresent();
                    problems.add(new LinkageProblem(ref, o, source.id(),
                            stillThere ? provider.label() : provider.id() + " (no longer on the class path)"));
                }
            });
        }
        finalViolations(classPath, world, scope, problems);
        problems.sort(null);
        Map<String, List<JavaReference>> refs = new LinkedHashMap<>();
        into.forEach((id, m) -> refs.put(id, List.copyOf(m.values())));
        return new LinkageReport(problems, counts[0], counts[1], refs);
    }
}
