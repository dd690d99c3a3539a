package dev.fitcheck.catalogue;

import dev.fitcheck.distribution.DistributionArchive;
import dev.fitcheck.distribution.EntryRefusedException;
import dev.fitcheck.distribution.SourceFile;
import dev.fitcheck.python.ChunkCache;
import dev.fitcheck.python.ClassMember;
import dev.fitcheck.python.ModuleParser;
import dev.fitcheck.python.ModuleSummary;
import dev.fitcheck.python.NameKind;
import dev.fitcheck.python.PackageIndex;
import dev.fitcheck.python.Parameter;
import dev.fitcheck.python.Parameters;
import dev.fitcheck.version.Version;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one Python release into a {@link ReleaseApi}: parses its modules in parallel (summaries
 * reused by content from earlier releases of the same build), resolves them as one package with
 * {@link PackageIndex}, and maps Python's names onto the neutral model.
 */
final class PythonReleaseReader {

    private final ExecutorService pool;
    private final ThreadLocal<ModuleParser> parsers;
    private final SummaryCache cache;
    private final ChunkCache chunks;
    final AtomicInteger filesParsed = new AtomicInteger();
    final AtomicInteger filesReused = new AtomicInteger();
    final AtomicLong bytesParsed = new AtomicLong();
    final AtomicLong resolveNanos = new AtomicLong();

    PythonReleaseReader(ExecutorService pool, ThreadLocal<ModuleParser> parsers, SummaryCache cache, ChunkCache chunks) {
        this.pool = pool;
        this.parsers = parsers;
        this.cache = cache;
        this.chunks = chunks;
    }

    /** What one release gave, with the warnings met on the way (unparsable files, skipped entries). */
    record Read(ReleaseApi api, List<String> warnings, int modules) {
    }

    Read read(Version version, DistributionArchive archive) {
        List<SourceFile> sources = archive.sources();
        List<Future<ModuleSummary>> futures = new ArrayList<>(sources.size());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>(archive.warnings()));
        for (SourceFile f : sources) {
            futures.add(pool.submit(() -> summarize(archive, f, warnings)));
        }
        List<ModuleSummary> summaries = new ArrayList<>(sources.size());
        try {
            for (Future<ModuleSummary> fu : futures) {
                ModuleSummary s = fu.get();
                if (s != null) summaries.add(s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while reading " + archive.path(), e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        for (ModuleSummary s : summaries) warnings.addAll(s.warnings());
        cache.nextRelease();
        chunks.nextGeneration();
        long t0 = System.nanoTime();
        PackageIndex index = new PackageIndex(summaries);
        List<String> requirements = archive.metadata().map(m -> m.requiresDist()).orElse(List.of());
        ReleaseApi api = new ReleaseApi(version, modules(index), requirements);
        resolveNanos.addAndGet(System.nanoTime() - t0);
        return new Read(api, List.copyOf(warnings), index.modules().size());
    }

    private ModuleSummary summarize(DistributionArchive archive, SourceFile f, List<String> warnings) {
        String key = f.contentKey();
        if (key != null) {
            ModuleSummary hit = cache.get(key);
            if (hit != null) {
                filesReused.incrementAndGet();
                return hit.at(f.module(), f.path(), f.isPackage());
            }
        }
        byte[] bytes;
        try {
            bytes = archive.read(f);
        } catch (EntryRefusedException refused) {
            warnings.add(refused.getMessage());
            return null;
        }
        if (key == null) {
            key = "sha256:" + sha256(bytes) + ":" + bytes.length;
            ModuleSummary hit = cache.get(key);
            if (hit != null) {
                filesReused.incrementAndGet();
                return hit.at(f.module(), f.path(), f.isPackage());
            }
        }
        ModuleSummary s = parsers.get().parse(f.module(), f.path(), f.isPackage(), bytes);
        filesParsed.incrementAndGet();
        bytesParsed.addAndGet(bytes.length);
        cache.put(key, s);
        return s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Python's resolved names onto the neutral model. */
    static Map<String, ReleaseApi.Module> modules(PackageIndex index) {
        Map<String, ReleaseApi.Module> out = new HashMap<>();
        for (String module : index.modules()) {
            Map<String, PackageIndex.ResolvedClass> classes = new HashMap<>();
            for (PackageIndex.ResolvedClass c : index.classes(module)) classes.put(c.name(), c);
            Map<String, ReleaseApi.Name> names = new HashMap<>();
            for (PackageIndex.ResolvedName r : index.names(module).values()) {
                SymbolKind kind = switch (r.kind()) {
                    case CLASS -> SymbolKind.CLASS;
                    case FUNCTION -> SymbolKind.FUNCTION;
                    case VARIABLE -> SymbolKind.VARIABLE;
                    case IMPORT -> SymbolKind.IMPORT;
                    case SUBMODULE -> SymbolKind.SUBMODULE;
                };
                boolean local = r.kind() == NameKind.CLASS || r.kind() == NameKind.FUNCTION || r.kind() == NameKind.VARIABLE;
                String target = local || r.target() == null ? null : r.target().toString();
                List<String> bases = List.of();
                Map<String, ReleaseApi.Member> members = Map.of();
                PackageIndex.ResolvedClass c = r.kind() == NameKind.CLASS ? classes.get(r.name()) : null;
                if (c != null) {
                    bases = c.bases().stream().map(PackageIndex.Target::toString).toList();
                    members = new HashMap<>();
                    for (ClassMember m : c.members()) {
                        SymbolKind mk = switch (m.kind()) {
                            case METHOD -> SymbolKind.METHOD;
                            case PROPERTY -> SymbolKind.PROPERTY;
                            case ATTRIBUTE -> SymbolKind.ATTRIBUTE;
                            case CLASS -> SymbolKind.CLASS;
                        };
                        members.put(m.name(), new ReleaseApi.Member(mk, signature(m.signature())));
                    }
                }
                Signature sig = r.kind() == NameKind.FUNCTION ? signature(r.signature()) : null;
                names.put(r.name(), new ReleaseApi.Name(kind, r.typeOnly(), r.starExported(), target, bases, sig, members));
            }
            out.put(module, new ReleaseApi.Module(names));
        }
        return out;
    }

    static Signature signature(Parameters p) {
        if (p == null) return null;
        List<Param> out = new ArrayList<>(p.parameters().size());
        for (Parameter x : p.parameters()) {
            ParamKind k = switch (x.kind()) {
                case POSITIONAL_ONLY -> ParamKind.POSITIONAL_ONLY;
                case POSITIONAL_OR_KEYWORD -> ParamKind.POSITIONAL_OR_KEYWORD;
                case VAR_POSITIONAL -> ParamKind.VAR_POSITIONAL;
                case KEYWORD_ONLY -> ParamKind.KEYWORD_ONLY;
                case VAR_KEYWORD -> ParamKind.VAR_KEYWORD;
            };
            out.add(new Param(x.name(), k, x.hasDefault()));
        }
        if (p.aliases().isEmpty()) return new Signature(out);
        List<Signature.Alias> aliases = new ArrayList<>(p.aliases().size());
        for (Parameters.Alias a : p.aliases()) aliases.add(new Signature.Alias(a.name(), a.parameter()));
        return new Signature(out, aliases);
    }

    /** Checks that an archive is the release it is said to be. */
    static String mismatch(DistributionArchive archive, String packageName, Version version) {
        return archive.metadata().map(md -> {
            String name = dev.fitcheck.manifest.PackageName.normalize(md.name());
            if (!name.equals(packageName)) {
                return archive.path() + " is " + md.name() + " " + md.version() + ", not " + packageName;
            }
            try {
                Version v = Version.parse(md.version());
                if (!v.equals(version)) return archive.path() + " is version " + md.version() + ", not " + version;
            } catch (RuntimeException e) {
                return archive.path() + ": its metadata version '" + md.version() + "' is not PEP 440";
            }
            return null;
        }).orElse(null);
    }
}
