package dev.fitcheck.distribution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One release of a Python distribution as files, never extracted to disk or executed: a wheel,
 * an sdist ({@code .tar.gz}, {@code .tgz}, {@code .zip}) or a directory (an installed package with
 * its {@code .dist-info}, or a source tree). It knows which files are the distribution's modules
 * and under which names Python imports them.
 *
 * <p>Which files an sdist installs is decided by its build backend, which is not run: the modules
 * are the package named like the distribution ({@code liger_kernel} for liger-kernel) under
 * {@code src/} or the root, else every package there but tests, docs and examples.
 */
public final class DistributionArchive implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> NOT_INSTALLED = Set.of("test", "tests", "testing", "doc", "docs", "example",
            "examples", "benchmark", "benchmarks", "scripts", "tools", "build", "dist", "utils_test", "notebooks");

    private final Path path;
    private final EntrySource entries;
    private final List<SourceFile> sources;
    private final Optional<DistributionMetadata> metadata;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, EntrySource.Entry> entryByPath = new HashMap<>();

    private DistributionArchive(Path path, EntrySource entries, Layout layout, String distribution) {
        this.path = path;
        this.entries = entries;
        for (EntrySource.Entry e : entries.entries()) entryByPath.put(e.path(), e);
        Optional<DistributionMetadata> md = Optional.empty();
        List<SourceFile> files;
        switch (layout) {
            case WHEEL -> {
                Map<String, String> record = new HashMap<>();
                for (EntrySource.Entry e : entries.entries()) {
                    String p = e.path();
                    int slash = p.indexOf('/');
                    if (slash > 0 && p.substring(0, slash).endsWith(".dist-info") && slash == p.lastIndexOf('/')) {
                        if (p.endsWith("/METADATA")) md = DistributionMetadata.parse(entries.read(e));
                        else if (p.endsWith("/RECORD")) record = readRecord(entries.read(e));
                    }
                }
                files = wheelSources(record);
            }
            case SDIST -> {
                String top = commonTop();
                EntrySource.Entry pkgInfo = top == null ? null : entryByPath.get(top + "/PKG-INFO");
                if (pkgInfo != null) md = DistributionMetadata.parse(entries.read(pkgInfo));
                files = treeSources(top, distribution);
            }
            default -> {
                Optional<String> distInfo = installedDistInfo(distribution);
                if (distInfo.isPresent()) {
                    EntrySource.Entry meta = entryByPath.get(distInfo.get() + "/METADATA");
                    if (meta != null) md = DistributionMetadata.parse(entries.read(meta));
                    EntrySource.Entry rec = entryByPath.get(distInfo.get() + "/RECORD");
                    files = rec == null ? treeSources(null, distribution) : recordedSources(entries.read(rec));
                } else if (entryByPath.containsKey("__init__.py")) {
                    files = packageDirectorySources(path.toAbsolutePath().normalize().getFileName().toString());
                } else {
                    files = treeSources(null, distribution);
                }
            }
        }
        this.sources = List.copyOf(files);
        this.metadata = md;
    }

    private enum Layout { WHEEL, SDIST, DIRECTORY }

    /**
     * Opens a release. {@code distribution} (PEP 503 name, may be null) picks the package inside an
     * sdist or a site-packages directory.
     *
     * @throws ArchiveException when the file is not a readable archive or must not be read
     */
    public static DistributionArchive open(Path path, String distribution, ArchiveLimits limits) {
        if (Files.isDirectory(path)) {
            return new DistributionArchive(path, new DirectoryEntries(path, limits), Layout.DIRECTORY, distribution);
        }
        if (!Files.isRegularFile(path)) {
            throw new ArchiveException(path, path + ": no such file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".whl")) {
            return new DistributionArchive(path, new ZipEntries(path, limits), Layout.WHEEL, distribution);
        }
        if (name.endsWith(".zip")) {
            return new DistributionArchive(path, new ZipEntries(path, limits), Layout.SDIST, distribution);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            TarEntries tar = new TarEntries(path, limits, p -> p.endsWith(".py") || p.endsWith("/PKG-INFO"));
            return new DistributionArchive(path, tar, Layout.SDIST, distribution);
        }
        throw new ArchiveException(path, path + ": not a wheel (.whl), an sdist (.tar.gz, .zip) or a directory");
    }

    public Path path() {
        return path;
    }

    /** The modules of the distribution, sorted by module name. */
    public List<SourceFile> sources() {
        return sources;
    }

    public Optional<DistributionMetadata> metadata() {
        return metadata;
    }

    /**
     * The bytes of one module's file.
     *
     * @throws EntryRefusedException when the file alone is refused (over the size limit)
     * @throws ArchiveException      when the archive is corrupt or hostile
     */
    public byte[] read(SourceFile f) {
        return entries.read(entryByPath.get(f.path()));
    }

    /** Links skipped, duplicate entries, files left out. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(entries.warnings());
        all.addAll(warnings);
        return all;
    }

    @Override
    public void close() {
        entries.close();
    }

    // ---- layouts --------------------------------------------------------------------------------

    /** path -> "sha256=...:size" from a wheel's RECORD. */
    private static Map<String, String> readRecord(byte[] bytes) {
        Map<String, String> out = new HashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            int c2 = line.lastIndexOf(',');
            if (c2 < 0) continue;
            int c1 = line.lastIndexOf(',', c2 - 1);
            if (c1 < 0) continue;
            String file = line.substring(0, c1);
            if (file.startsWith("\"") && file.endsWith("\"") && file.length() >= 2) {
                file = file.substring(1, file.length() - 1).replace("\"\"", "\"");
            }
            String hash = line.substring(c1 + 1, c2);
            String size = line.substring(c2 + 1).trim();
            if (hash.startsWith("sha256=") && !size.isEmpty()) out.put(file, hash.substring(7) + ":" + size);
        }
        return out;
    }

    private List<SourceFile> wheelSources(Map<String, String> record) {
        List<SourceFile> out = new ArrayList<>();
        for (EntrySource.Entry e : entries.entries()) {
            String p = e.path();
            if (!p.endsWith(".py")) continue;
            String importPath = p;
            int slash = p.indexOf('/');
            String first = slash < 0 ? p : p.substring(0, slash);
            if (first.endsWith(".dist-info")) continue;
            if (first.endsWith(".data")) {
                String rest = slash < 0 ? "" : p.substring(slash + 1);
                if (rest.startsWith("purelib/")) importPath = rest.substring(8);
                else if (rest.startsWith("platlib/")) importPath = rest.substring(8);
                else continue;
            }
            String key = contentKey(record.get(p), e);
            moduleOf(importPath).ifPresent(m -> out.add(new SourceFile(p, m, p.endsWith("__init__.py"), e.size(), key)));
        }
        out.sort(java.util.Comparator.comparing(SourceFile::module));
        return out;
    }

    /**
     * A wheel entry's content key: RECORD's sha256 when RECORD's size agrees with the entry's, with
     * the zip's size and CRC in the key too, so a RECORD that lies cannot make two contents share one.
     */
    private static String contentKey(String recorded, EntrySource.Entry e) {
        if (recorded == null || e.crc() < 0) return null;
        String[] hs = recorded.split(":");
        if (hs.length != 2 || !hs[1].equals(Long.toString(e.size()))) return null;
        return "sha256:" + toHex(hs[0]) + ":" + e.size() + ":" + Long.toHexString(e.crc());
    }

    private static String toHex(String urlsafeB64) {
        try {
            return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(urlsafeB64));
        } catch (IllegalArgumentException e) {
            return urlsafeB64;
        }
    }

    /** The first path segment shared by every entry ({@code transformers-4.44.2}), or null. */
    private String commonTop() {
        String top = null;
        for (EntrySource.Entry e : entries.entries()) {
            int slash = e.path().indexOf('/');
            if (slash < 0) return null;
            String t = e.path().substring(0, slash);
            if (top == null) top = t;
            else if (!top.equals(t)) return null;
        }
        return top;
    }

    /** Modules of a source tree under {@code top} (null: the root), chosen as the class comment says. */
    private List<SourceFile> treeSources(String top, String distribution) {
        String base = top == null ? "" : top + "/";
        Set<String> pyFiles = new TreeSet<>();
        for (EntrySource.Entry e : entries.entries()) {
            if (e.path().startsWith(base) && e.path().endsWith(".py")) pyFiles.add(e.path().substring(base.length()));
        }
        String root = "";
        for (String f : pyFiles) {
            if (f.startsWith("src/") && f.endsWith("/__init__.py") && f.indexOf('/', 4) == f.length() - "/__init__.py".length()) {
                root = "src/";
                break;
            }
        }
        Set<String> packages = new LinkedHashSet<>();
        for (String f : pyFiles) {
            if (!f.startsWith(root)) continue;
            String rel = f.substring(root.length());
            if (rel.endsWith("/__init__.py") && rel.indexOf('/') == rel.length() - "/__init__.py".length()) {
                packages.add(rel.substring(0, rel.indexOf('/')));
            }
        }
        Set<String> chosen = new TreeSet<>();
        String wanted = distribution == null ? null : distribution.replace('-', '_').toLowerCase(Locale.ROOT);
        for (String p : packages) {
            if (p.toLowerCase(Locale.ROOT).equals(wanted)) chosen.add(p);
        }
        if (chosen.isEmpty()) {
            for (String p : packages) {
                if (!NOT_INSTALLED.contains(p.toLowerCase(Locale.ROOT))) chosen.add(p);
            }
            if (!packages.isEmpty() && chosen.size() < packages.size()) {
                warnings.add(path + ": packages " + packages.stream().filter(p -> !chosen.contains(p)).toList()
                        + " look like tests or docs and are not catalogued");
            }
        }
        List<SourceFile> out = new ArrayList<>();
        for (String f : pyFiles) {
            if (!f.startsWith(root)) continue;
            String rel = f.substring(root.length());
            int slash = rel.indexOf('/');
            boolean inPackage = slash > 0 && chosen.contains(rel.substring(0, slash));
            boolean topModule = slash < 0 && chosen.isEmpty() && !rel.equals("setup.py") && !rel.equals("conftest.py");
            if (!inPackage && !topModule) continue;
            String entryPath = base + f;
            EntrySource.Entry e = entryByPath.get(entryPath);
            moduleOf(rel).ifPresent(m -> out.add(new SourceFile(entryPath, m, rel.endsWith("__init__.py"), e.size(), null)));
        }
        out.sort(java.util.Comparator.comparing(SourceFile::module));
        return out;
    }

    /** Every module under a package directory, named from the directory's own name. */
    private List<SourceFile> packageDirectorySources(String pkg) {
        List<SourceFile> out = new ArrayList<>();
        if (!IDENTIFIER.matcher(pkg).matches()) {
            warnings.add(path + ": '" + pkg + "' is not an importable package name; nothing catalogued");
            return out;
        }
        for (EntrySource.Entry e : entries.entries()) {
            String f = e.path();
            if (!f.endsWith(".py")) continue;
            Optional<String> m = f.equals("__init__.py") ? Optional.of(pkg) : moduleOf(f).map(x -> pkg + "." + x);
            m.ifPresent(x -> out.add(new SourceFile(f, x, f.endsWith("__init__.py"), e.size(), null)));
        }
        out.sort(java.util.Comparator.comparing(SourceFile::module));
        return out;
    }

    /** The {@code .dist-info} directory of {@code distribution} at the top of an installed tree. */
    private Optional<String> installedDistInfo(String distribution) {
        Set<String> infos = new TreeSet<>();
        for (EntrySource.Entry e : entries.entries()) {
            String p = e.path();
            int slash = p.indexOf('/');
            if (slash > 0 && p.substring(0, slash).endsWith(".dist-info") && p.endsWith("/RECORD")) {
                infos.add(p.substring(0, slash));
            }
        }
        for (String info : infos) {
            String name = info.substring(0, info.indexOf('-') < 0 ? info.length() - 10 : info.indexOf('-'));
            if (distribution != null && normalize(name).equals(distribution)) return Optional.of(info);
        }
        return infos.size() == 1 && distribution == null ? Optional.of(infos.iterator().next()) : Optional.empty();
    }

    private List<SourceFile> recordedSources(byte[] record) {
        List<SourceFile> out = new ArrayList<>();
        for (String file : readRecordPaths(record)) {
            if (!file.endsWith(".py") || file.startsWith("../") || file.contains(".dist-info/")) continue;
            EntrySource.Entry e = entryByPath.get(file);
            if (e == null) continue;
            moduleOf(file).ifPresent(m -> out.add(new SourceFile(file, m, file.endsWith("__init__.py"), e.size(), null)));
        }
        out.sort(java.util.Comparator.comparing(SourceFile::module));
        return out;
    }

    private static List<String> readRecordPaths(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            int c2 = line.lastIndexOf(',');
            int c1 = c2 < 0 ? -1 : line.lastIndexOf(',', c2 - 1);
            if (c1 > 0) out.add(line.substring(0, c1));
        }
        return out;
    }

    /** {@code a/b/c.py} -> {@code a.b.c}; {@code a/b/__init__.py} -> {@code a.b}; empty when a segment is not an identifier. */
    static Optional<String> moduleOf(String relPath) {
        String p = relPath.substring(0, relPath.length() - 3);
        if (p.endsWith("/__init__")) p = p.substring(0, p.length() - "/__init__".length());
        else if (p.equals("__init__")) return Optional.empty();
        String[] segs = p.split("/");
        for (String s : segs) {
            if (!IDENTIFIER.matcher(s).matches()) return Optional.empty();
        }
        return Optional.of(String.join(".", segs));
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
