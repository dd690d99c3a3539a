package dev.fitcheck.java;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in an artifact's API from one release of a catalogue to another, the way code
 * compiled against the first meets the second: a member that moved to a superclass is still
 * there; one that left the whole hierarchy is removed. Only exported classes are compared.
 */
public record ApiComparison(String artifact, String fromVersion, String toVersion, List<ApiChange> changes) {

    public ApiComparison {
        changes = List.copyOf(changes);
    }

    public static ApiComparison compare(JavaCatalogue catalogue, int from, int to) {
        ClassWorld before = catalogue.at(from).then(JdkClasses.instance());
        ClassWorld after = catalogue.at(to).then(JdkClasses.instance());
        List<ApiChange> changes = new ArrayList<>();
        for (ClassHistory h : catalogue.classes().values()) {
            boolean wasExported = h.exported().contains(from);
            boolean isExported = h.exported().contains(to);
            if (!wasExported) {
                if (isExported) {
                    changes.add(new ApiChange(ApiChange.Kind.CLASS_ADDED, JavaSymbol.ofClass(h.name()), ""));
                }
                continue;
            }
            JavaSymbol cls = JavaSymbol.ofClass(h.name());
            if (!h.present().contains(to)) {
                changes.add(new ApiChange(ApiChange.Kind.CLASS_REMOVED, cls, ""));
                continue;
            }
            if (!isExported) {
                changes.add(new ApiChange(ApiChange.Kind.CLASS_NO_LONGER_EXPORTED, cls, "no longer public"));
                continue;
            }
            ClassApi a = h.at(from).orElseThrow();
            ClassApi b = h.at(to).orElseThrow();
            if (a.kind().isInterface() != b.kind().isInterface()) {
                changes.add(new ApiChange(ApiChange.Kind.CLASS_KIND_CHANGED, cls,
                        a.kind().name().toLowerCase() + " became " + b.kind().name().toLowerCase()));
            }
            Set<String> supersBefore = ancestors(before, a);
            Set<String> supersAfter = ancestors(after, b);
            for (String s : supersBefore) {
                if (!supersAfter.contains(s) && before.find(s).map(ClassApi::exported).orElse(false)) {
                    changes.add(new ApiChange(ApiChange.Kind.SUPERTYPE_REMOVED, cls, ClassApi.displayName(s)));
                }
            }
            for (String s : supersAfter) {
                if (!supersBefore.contains(s) && after.find(s).map(ClassApi::exported).orElse(false)) {
                    changes.add(new ApiChange(ApiChange.Kind.SUPERTYPE_ADDED, cls, ClassApi.displayName(s)));
                }
            }
            boolean subclassable = a.kind() == ClassKind.CLASS && !h.finalIn().contains(from);
            if (subclassable && h.finalIn().contains(to)) {
                changes.add(new ApiChange(ApiChange.Kind.CLASS_NOW_FINAL, cls, "subclasses no longer load"));
            }
            for (MemberHistory m : h.members().values()) {
                boolean inA = m.present().contains(from);
                boolean inB = m.present().contains(to);
                JavaSymbol sym = symbol(h.name(), m, inA ? from : to);
                if (inA && !inB) {
                    LookupOutcome o = MemberLookup.resolve(after, sym);
                    if (o.breaks()) {
                        changes.add(new ApiChange(o == LookupOutcome.STATIC_MISMATCH ? ApiChange.Kind.STATIC_CHANGED
                                : ApiChange.Kind.MEMBER_REMOVED, sym, ""));
                    }
                } else if (!inA && inB) {
                    if (MemberLookup.resolve(before, sym) != LookupOutcome.FOUND) {
                        changes.add(new ApiChange(ApiChange.Kind.MEMBER_ADDED, sym, ""));
                    }
                } else if (inA && m.staticIn().contains(from) != m.staticIn().contains(to)) {
                    changes.add(new ApiChange(ApiChange.Kind.STATIC_CHANGED, sym,
                            m.staticIn().contains(from) ? "no longer static" : "became static"));
                } else if (inA && !m.finalIn().contains(from) && m.finalIn().contains(to) && nowFinalBreaks(m, from, subclassable)) {
                    changes.add(new ApiChange(ApiChange.Kind.MEMBER_NOW_FINAL, sym,
                            m.kind() == MemberKind.FIELD ? "writes to it no longer link" : "overrides no longer load"));
                }
            }
            inheritedThroughHiddenSupertypes(catalogue, h, a, from, after, changes);
        }
        changes.sort(null);
        return new ApiComparison(catalogue.artifact(), catalogue.versions().get(from), catalogue.versions().get(to), changes);
    }

    /** An instance method turning final breaks overriders (if the class could be subclassed); a field, its writers. */
    private static boolean nowFinalBreaks(MemberHistory m, int from, boolean subclassable) {
        return switch (m.kind()) {
            case METHOD -> subclassable && !m.staticIn().contains(from);
            case FIELD -> true;
            case CONSTRUCTOR -> false;
        };
    }

    /**
     * Members an exported class offers through a supertype no other code can name (a
     * package-private base, a removed shim): nobody else reports their loss, so the class does,
     * under its own name, as compiled code names them.
     */
    private static void inheritedThroughHiddenSupertypes(JavaCatalogue catalogue, ClassHistory h, ClassApi a, int from,
            ClassWorld after, List<ApiChange> changes) {
        java.util.Set<String> own = new java.util.HashSet<>();
        a.members().forEach(m -> own.add(m.key()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        a.superName().ifPresent(queue::add);
        queue.addAll(a.interfaces());
        while (!queue.isEmpty()) {
            String s = queue.removeFirst();
            Optional<ClassApi> sc = catalogue.history(s).flatMap(x -> x.at(from));
            if (sc.isEmpty() || !seen.add(s)) continue;
            if (sc.get().exported()) continue; // an exported supertype reports its own members
            for (MemberApi m : sc.get().members()) {
                if (m.kind() == MemberKind.CONSTRUCTOR || !own.add(m.key())) continue;
                JavaSymbol sym = switch (m.kind()) {
                    case METHOD -> JavaSymbol.method(h.name(), m.name(), m.descriptor(), m.isStatic());
                    case FIELD -> JavaSymbol.field(h.name(), m.name(), m.descriptor(), m.isStatic());
                    case CONSTRUCTOR -> throw new IllegalStateException();
                };
                LookupOutcome o = MemberLookup.resolve(after, sym);
                if (o.breaks()) {
                    changes.add(new ApiChange(o == LookupOutcome.STATIC_MISMATCH ? ApiChange.Kind.STATIC_CHANGED
                            : ApiChange.Kind.MEMBER_REMOVED, sym, "inherited from " + ClassApi.displayName(s)));
                }
            }
            sc.get().superName().ifPresent(queue::addLast);
            queue.addAll(sc.get().interfaces());
        }
    }

    public List<ApiChange> breaking() {
        return changes.stream().filter(ApiChange::breaking).toList();
    }

    private static JavaSymbol symbol(String owner, MemberHistory m, int version) {
        boolean isStatic = m.staticIn().contains(version);
        return switch (m.kind()) {
            case METHOD -> JavaSymbol.method(owner, m.name(), m.descriptor(), isStatic);
            case CONSTRUCTOR -> JavaSymbol.constructor(owner, m.descriptor());
            case FIELD -> JavaSymbol.field(owner, m.name(), m.descriptor(), isStatic);
        };
    }

    /** Every supertype reachable in {@code world}, by name (what a cast or an assignment relies on). */
    private static Set<String> ancestors(ClassWorld world, ClassApi c) {
        Set<String> out = new TreeSet<>();
        Deque<ClassApi> queue = new ArrayDeque<>(List.of(c));
        while (!queue.isEmpty()) {
            ClassApi x = queue.removeFirst();
            List<String> direct = new ArrayList<>(x.interfaces());
            x.superName().ifPresent(direct::add);
            for (String s : direct) {
                if (out.add(s)) {
                    Optional<ClassApi> sc = world.find(s);
                    sc.ifPresent(queue::addLast);
                }
            }
        }
        return out;
    }
}
