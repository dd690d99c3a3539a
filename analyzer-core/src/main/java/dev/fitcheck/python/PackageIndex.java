package dev.fitcheck.python;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules of one distribution seen together: what each module provides at run time once star
 * imports, re-exports, lazy exports and submodules are resolved, and where each name is defined.
 *
 * <ul>
 *   <li>{@code from .x import *} brings x's {@code __all__} when x has one, else its public names
 *       (a lazy module: its lazy exports); a star import of a module outside the package is noted
 *       as unresolved;
 *   <li>an {@code _import_structure} (or {@code _SUBMOD_ATTRS}) entry {@code "k": ["A"]} exports
 *       {@code A} from submodule {@code k} ({@code k} relative to the package, or absolute when only
 *       that names a module of it); in a module that calls {@code define_import_structure}, what is
 *       bound under {@code TYPE_CHECKING} is exported at run time;
 *   <li>a module with a module-level {@code __getattr__} provides at run time what it imports
 *       under {@code TYPE_CHECKING} from itself or its own submodules (a lazy package mirroring its
 *       lazy names for type checkers); type-only imports from elsewhere (annotations) stay type-only;
 *   <li>every module or subpackage of a package is a name of that package;
 *   <li>a directory of modules without {@code __init__.py} is a namespace package.
 * </ul>
 */
public final class PackageIndex {

    private final Map<String, ModuleSummary> modules = new HashMap<>();
    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, Map<String, ResolvedName>> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, List<ResolvedClass>> classes = new HashMap<>();
    private final List<String> unresolvedStarImports = new ArrayList<>();

    public PackageIndex(Collection<ModuleSummary> summaries) {
        for (ModuleSummary s : summaries) {
            modules.put(s.module(), s);
        }
        for (ModuleSummary s : summaries) {
            String m = s.module();
            for (int dot = m.lastIndexOf('.'); dot > 0; dot = m.lastIndexOf('.')) {
                String parent = m.substring(0, dot);
                children.computeIfAbsent(parent, k -> new TreeSet<>()).add(m.substring(dot + 1));
                if (!modules.containsKey(parent)) {
                    modules.put(parent, namespacePackage(parent, s.file()));
                }
                m = parent;
            }
        }
    }

    private static ModuleSummary namespacePackage(String module, String someFile) {
        return new ModuleSummary(module, someFile, true, List.of(), List.of(), Optional.empty(), true, List.of(),
                LazyExports.NONE, List.of());
    }

    /** Every module, sorted. */
    public List<String> modules() {
        return new ArrayList<>(new TreeSet<>(modules.keySet()));
    }

    public Optional<ModuleSummary> summary(String module) {
        return Optional.ofNullable(modules.get(module));
    }

    public boolean isModule(String module) {
        return modules.containsKey(module);
    }

    /** {@code from X import *} of modules outside the package, which static reading cannot follow. */
    public List<String> unresolvedStarImports() {
        names(); // resolve everything first
        return List.copyOf(unresolvedStarImports);
    }

    private void names() {
        for (String m : modules.keySet()) {
            names(m);
        }
    }

    /** What a module provides, by name, in first-binding order. */
    public Map<String, ResolvedName> names(String module) {
        Map<String, ResolvedName> done = resolved.get(module);
        if (done != null) {
            return done;
        }
        ModuleSummary s = modules.get(module);
        if (s == null) {
            return Map.of();
        }
        if (!inProgress.add(module)) {
            return ownNames(s); // an import cycle: what the module binds itself is all that is safe to say
        }
        try {
            Map<String, ResolvedName> out = compute(s);
            Map<String, ResolvedName> frozen = Collections.unmodifiableMap(out);
            resolved.put(module, frozen);
            return frozen;
        } finally {
            inProgress.remove(module);
        }
    }

    private Map<String, ResolvedName> compute(ModuleSummary s) {
        String module = s.module();
        Map<String, ResolvedName> out = new LinkedHashMap<>();
        for (BoundName b : s.names()) {
            Target target = b.kind() == NameKind.IMPORT
                    ? importTarget(s, b.source())
                    : new Target(module, b.name());
            put(out, new ResolvedName(b.name(), b.kind(), b.typeOnly(), false, target, b.line(), b.signature()));
        }
        for (StarImport star : s.starImports()) {
            Optional<String> from = star.source().absoluteModule(module, s.isPackage());
            if (from.isEmpty() || !modules.containsKey(from.get())) {
                unresolvedStarImports.add(s.file() + ":" + star.line() + ": from " + star.source().written() + " import *");
                continue;
            }
            for (ResolvedName e : starExports(from.get())) {
                put(out, new ResolvedName(e.name(), NameKind.IMPORT, star.typeOnly() || e.typeOnly(), false,
                        e.target(), star.line(), null));
            }
        }
        LazyExports lazy = s.lazyExports();
        Set<String> lazyNames = new HashSet<>();
        for (Map.Entry<String, List<String>> entry : lazy.importStructure().entrySet()) {
            String sub = module + "." + entry.getKey();
            if (!modules.containsKey(sub) && modules.containsKey(entry.getKey())) {
                sub = entry.getKey(); // huggingface_hub.utils: "huggingface_hub.errors": [...]
            }
            for (String name : entry.getValue()) {
                Target target = modules.containsKey(sub) ? resolveIn(sub, name) : new Target(sub, name);
                ResolvedName existing = out.get(name);
                // _LazyModule maps each name to the last submodule that lists it
                boolean replace = existing == null || existing.typeOnly() || lazyNames.contains(name);
                lazyNames.add(name);
                if (replace) {
                    out.put(name, new ResolvedName(name, NameKind.IMPORT, false, false, target,
                            existing == null ? 0 : existing.line(), null));
                }
            }
        }
        if (lazy.definesImportStructure()) {
            for (Map.Entry<String, ResolvedName> e : out.entrySet()) {
                if (e.getValue().typeOnly()) {
                    lazyNames.add(e.getKey());
                    e.setValue(e.getValue().runtime());
                }
            }
        }
        Set<String> fromGetattr = lazy.moduleGetattr() ? getattrNames(s, out) : Set.of();
        for (String name : fromGetattr) {
            out.computeIfPresent(name, (k, r) -> r.runtime());
        }
        for (String child : children.getOrDefault(module, Set.of())) {
            out.putIfAbsent(child, new ResolvedName(child, NameKind.SUBMODULE, false, false,
                    new Target(module + "." + child, null), 0, null));
        }
        // what `from module import *` takes
        Optional<List<String>> all = s.dunderAll();
        Set<String> allSet = all.<Set<String>>map(HashSet::new).orElse(null);
        for (Map.Entry<String, ResolvedName> e : out.entrySet()) {
            String name = e.getKey();
            ResolvedName r = e.getValue();
            boolean exported;
            if (allSet != null) {
                exported = allSet.contains(name);
            } else if (lazy.any()) {
                exported = lazyNames.contains(name);
            } else {
                // names __getattr__ provides are not in the module's __dict__, which is what * takes
                exported = !name.startsWith("_") && r.kind() != NameKind.SUBMODULE && !fromGetattr.contains(name);
            }
            if (exported) {
                e.setValue(r.exported());
            }
        }
        return out;
    }

    /**
     * The type-only names of a module with a module-level {@code __getattr__} that it imports from
     * itself or its own submodules: {@code from .file_download import hf_hub_download} in
     * huggingface_hub, {@code from liger_kernel.transformers.monkey_patch import ...} in
     * liger_kernel.transformers. Imports from elsewhere ({@code from torch import nn},
     * {@code from ..modeling_utils import PreTrainedModel}) are the annotations' and stay type-only.
     */
    private Set<String> getattrNames(ModuleSummary s, Map<String, ResolvedName> out) {
        String module = s.module();
        Set<String> names = new HashSet<>();
        for (BoundName b : s.names()) {
            if (!b.typeOnly() || b.kind() != NameKind.IMPORT || b.source() == null) continue;
            ResolvedName r = out.get(b.name());
            if (r == null || !r.typeOnly()) continue;
            if (b.source().absoluteModule(module, s.isPackage()).filter(m -> ownModule(module, m)).isPresent()) {
                names.add(b.name());
            }
        }
        for (StarImport star : s.starImports()) {
            if (!star.typeOnly()) continue;
            Optional<String> from = star.source().absoluteModule(module, s.isPackage());
            if (from.isEmpty() || !ownModule(module, from.get())) continue;
            if (!modules.containsKey(from.get())) continue;
            for (ResolvedName e : starExports(from.get())) {
                ResolvedName r = out.get(e.name());
                if (r != null && r.typeOnly()) names.add(e.name());
            }
        }
        return names;
    }

    private static boolean ownModule(String module, String other) {
        return other.equals(module) || other.startsWith(module + ".");
    }

    /** A runtime binding replaces a type-only one; otherwise the first binding stands. */
    private static void put(Map<String, ResolvedName> out, ResolvedName r) {
        ResolvedName existing = out.get(r.name());
        if (existing == null || (existing.typeOnly() && !r.typeOnly())) {
            out.put(r.name(), r);
        }
    }

    private Map<String, ResolvedName> ownNames(ModuleSummary s) {
        Map<String, ResolvedName> out = new LinkedHashMap<>();
        for (BoundName b : s.names()) {
            Target target = b.kind() == NameKind.IMPORT
                    ? b.source().absoluteModule(s.module(), s.isPackage())
                            .map(m -> new Target(m, b.source().name())).orElse(null)
                    : new Target(s.module(), b.name());
            put(out, new ResolvedName(b.name(), b.kind(), b.typeOnly(), false, target, b.line(), b.signature()));
        }
        return out;
    }

    /** The names {@code from module import *} brings. */
    public List<ResolvedName> starExports(String module) {
        List<ResolvedName> out = new ArrayList<>();
        for (ResolvedName r : names(module).values()) {
            if (r.starExported()) out.add(r);
        }
        return out;
    }

    private Target importTarget(ModuleSummary s, ImportSource source) {
        Optional<String> from = source.absoluteModule(s.module(), s.isPackage());
        if (from.isEmpty()) {
            return null; // relative import climbing out of the package
        }
        if (source.name() == null) {
            return new Target(from.get(), null);
        }
        return modules.containsKey(from.get()) ? resolveIn(from.get(), source.name()) : new Target(from.get(), source.name());
    }

    /** Where {@code module.name} is defined: through re-exports to the class, function or variable, or to a submodule. */
    public Target resolveIn(String module, String name) {
        ResolvedName r = names(module).get(name);
        if (r != null && r.target() != null) {
            return r.target();
        }
        String sub = module + "." + name;
        if (modules.containsKey(sub)) {
            return new Target(sub, null);
        }
        return new Target(module, name);
    }

    /** The module-level classes of a module with bases resolved to where they are defined and members merged across branches. */
    public List<ResolvedClass> classes(String module) {
        List<ResolvedClass> done = classes.get(module);
        if (done != null) {
            return done;
        }
        ModuleSummary s = modules.get(module);
        if (s == null) {
            return List.of();
        }
        Map<String, ResolvedClass> byName = new TreeMap<>();
        for (ClassSummary c : s.classes()) {
            List<Target> bases = new ArrayList<>();
            for (String written : c.bases()) {
                Target t = resolveBase(module, written);
                if (t != null) bases.add(t);
            }
            Map<String, ClassMember> members = new LinkedHashMap<>();
            for (ClassMember m : c.members()) {
                ClassMember prev = members.get(m.name());
                if (prev == null || (prev.kind() == MemberKind.ATTRIBUTE && m.kind() != MemberKind.ATTRIBUTE)) {
                    members.put(m.name(), m);
                }
            }
            ResolvedClass rc = new ResolvedClass(c.name(), c.line(), c.typeOnly(), bases, List.copyOf(members.values()));
            byName.merge(c.name(), rc, ResolvedClass::merge);
        }
        List<ResolvedClass> out = List.copyOf(byName.values());
        classes.put(module, out);
        return out;
    }

    /**
     * A base class expression as written, resolved from the class's module: {@code PreTrainedModel}
     * through its import, {@code nn.Module} through the module {@code nn} names, {@code Generic[T]}
     * without its subscript; a name the module does not bind is a builtin. Null for calls and
     * other expressions a static reader cannot follow.
     */
    public Target resolveBase(String module, String written) {
        String path = written.strip();
        int bracket = path.indexOf('[');
        if (bracket >= 0) path = path.substring(0, bracket).strip();
        if (path.isEmpty() || !path.matches("[\\p{L}_][\\p{L}\\p{N}_]*(\\s*\\.\\s*[\\p{L}_][\\p{L}\\p{N}_]*)*")) {
            return null;
        }
        String[] parts = path.replaceAll("\\s+", "").split("\\.");
        ResolvedName first = names(module).get(parts[0]);
        Target current;
        if (first == null) {
            current = new Target("builtins", parts[0]);
        } else {
            current = first.target() != null ? first.target() : new Target(module, parts[0]);
        }
        for (int i = 1; i < parts.length; i++) {
            if (!modules.containsKey(current.module())) {
                // outside the package nothing says where modules end: read the path as modules
                String m = current.name() == null ? current.module() : current.module() + "." + current.name();
                current = new Target(m, parts[i]);
            } else if (current.name() == null) {
                current = resolveIn(current.module(), parts[i]);
            } else {
                // an attribute of a class or variable: keep the dotted path under its owner
                current = new Target(current.module(), current.name() + "." + parts[i]);
            }
        }
        return current;
    }

    /**
     * Where a name leads: {@code module} and {@code name} of its definition, or a module when
     * {@code name} is null. The module may lie outside the package ({@code torch.nn}).
     */
    public record Target(String module, String name) {
        /** {@code transformers.modeling_utils:PreTrainedModel}, or the module alone. */
        @Override
        public String toString() {
            return name == null ? module : module + ":" + name;
        }
    }

    /**
     * A name as the module provides it at run time (or only to type checkers when typeOnly).
     *
     * @param starExported taken by {@code from module import *}
     * @param target       where it is defined (itself for classes, functions and variables); null
     *                     when a relative import climbs out of the package
     * @param signature    for functions defined here, the parameters
     */
    public record ResolvedName(String name, NameKind kind, boolean typeOnly, boolean starExported, Target target,
                               int line, Parameters signature) {
        ResolvedName runtime() {
            return new ResolvedName(name, kind, false, starExported, target, line, signature);
        }

        ResolvedName exported() {
            return new ResolvedName(name, kind, typeOnly, true, target, line, signature);
        }
    }

    /** A module-level class with its bases resolved. */
    public record ResolvedClass(String name, int line, boolean typeOnly, List<Target> bases, List<ClassMember> members) {
        ResolvedClass merge(ResolvedClass other) {
            List<Target> b = new ArrayList<>(bases);
            for (Target t : other.bases) if (!b.contains(t)) b.add(t);
            Map<String, ClassMember> m = new LinkedHashMap<>();
            for (ClassMember x : members) m.put(x.name(), x);
            for (ClassMember x : other.members) m.putIfAbsent(x.name(), x);
            return new ResolvedClass(name, line, typeOnly && other.typeOnly, b, List.copyOf(m.values()));
        }
    }
}
