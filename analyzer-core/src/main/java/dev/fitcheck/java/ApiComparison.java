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
                }
            }
        }
        changes.sort(null);
        return new ApiComparison(catalogue.artifact(), catalogue.versions().get(from), catalogue.versions().get(to), changes);
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
