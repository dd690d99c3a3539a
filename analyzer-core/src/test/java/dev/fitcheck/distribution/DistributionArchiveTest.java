package dev.fitcheck.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives that are broken or hostile, each built here, and what reading them does. */
class DistributionArchiveTest {

    @TempDir
    Path tmp;

    private static final byte[] CODE = "class A:\n    pass\n".getBytes(StandardCharsets.UTF_8);

    private Path zip(String name, String... entryNames) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (String e : entryNames) {
                z.putNextEntry(new ZipEntry(e));
                z.write(CODE);
                z.closeEntry();
            }
        }
        return p;
    }

    private Path tarGz(String name, TarWriter w) throws IOException {
        Path p = tmp.resolve(name);
        try (OutputStream raw = Files.newOutputStream(p); GZIPOutputStream gz = new GZIPOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            w.write(tar);
        }
        return p;
    }

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static void tarFile(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static DistributionArchive open(Path p, ArchiveLimits limits) {
        return DistributionArchive.open(p, "pkg", limits);
    }

    private List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aFileThatIsNoZipIsRefusedWithASentence() throws IOException {
        Path p = tmp.resolve("pkg-1.0-py3-none-any.whl");
        Files.writeString(p, "this is not a zip archive at all");
        assertThatThrownBy(() -> open(p, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith(p + ": not a readable zip archive");
    }

    @Test
    void aTruncatedWheelIsRefused() throws IOException {
        Path whole = zip("whole.whl", "pkg/__init__.py", "pkg/a.py", "pkg/b.py");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("pkg-1.0-py3-none-any.whl");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> open(cut, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("not a readable zip archive");
    }

    @Test
    void corruptBytesInsideAnEntryFailTheCrcCheck() throws IOException {
        Path p = tmp.resolve("pkg-1.0-py3-none-any.whl");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(p)) {
            ZipArchiveEntry e = new ZipArchiveEntry("pkg/__init__.py");
            e.setMethod(ZipEntry.STORED);
            e.setSize(CODE.length);
            CRC32 crc = new CRC32();
            crc.update(CODE);
            e.setCrc(crc.getValue());
            z.putArchiveEntry(e);
            z.write(CODE);
            z.closeArchiveEntry();
        }
        byte[] bytes = Files.readAllBytes(p);
        int at = indexOf(bytes, "class A".getBytes(StandardCharsets.UTF_8));
        bytes[at] = 'k';
        Files.write(p, bytes);
        try (DistributionArchive a = open(p, ArchiveLimits.DEFAULT)) {
            assertThatThrownBy(() -> a.read(a.sources().get(0))).isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("pkg/__init__.py fails its CRC check");
        }
    }

    @Test
    void entriesThatClimbOutOrAreAbsoluteRefuseTheArchiveAndNothingIsWritten() throws IOException {
        Path climbing = zip("climb.whl", "pkg/__init__.py", "../../evil.py");
        Path absolute = zip("absolute.whl", "pkg/__init__.py", "/tmp/evil.py");
        List<Path> before = filesUnder(tmp);
        assertThatThrownBy(() -> open(climbing, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessage(climbing + ": entry '../../evil.py' climbs out of the archive with '..'; refusing it");
        assertThatThrownBy(() -> open(absolute, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("entry '/tmp/evil.py' has an absolute path");
        Path tar = tarGz("pkg-1.0.tar.gz", t -> tarFile(t, "pkg-1.0/../../evil.py", CODE));
        assertThatThrownBy(() -> open(tar, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("climbs out of the archive");
        assertThat(filesUnder(tmp)).containsExactlyElementsOf(filesUnderAfterTar(before, tar));
        assertThat(Files.exists(tmp.getParent().resolve("evil.py"))).isFalse();
    }

    private static List<Path> filesUnderAfterTar(List<Path> before, Path tar) {
        return Stream.concat(before.stream(), Stream.of(tar)).sorted().toList();
    }

    @Test
    void symbolicLinksAreSkippedWithAWarning() throws IOException {
        Path p = tmp.resolve("pkg-1.0-py3-none-any.whl");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(p)) {
            ZipArchiveEntry init = new ZipArchiveEntry("pkg/__init__.py");
            z.putArchiveEntry(init);
            z.write(CODE);
            z.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("pkg/secrets.py");
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write("/etc/shadow".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }
        try (DistributionArchive a = open(p, ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).extracting(SourceFile::module).containsExactly("pkg");
            assertThat(a.warnings()).containsExactly(p + ": pkg/secrets.py is a symbolic link; skipped");
        }
        Path tar = tarGz("pkg-1.0.tar.gz", t -> {
            tarFile(t, "pkg-1.0/pkg/__init__.py", CODE);
            TarArchiveEntry link = new TarArchiveEntry("pkg-1.0/pkg/linked.py", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        });
        try (DistributionArchive a = open(tar, ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).extracting(SourceFile::module).containsExactly("pkg");
            assertThat(a.warnings()).containsExactly(tar + ": pkg-1.0/pkg/linked.py is a link; skipped");
        }
    }

    @Test
    void anEntryOverTheSizeLimitIsSkippedAlone() throws IOException {
        Path p = zip("pkg-1.0-py3-none-any.whl", "pkg/__init__.py", "pkg/big.py");
        ArchiveLimits small = new ArchiveLimits(10, 1 << 20, 100, 1000);
        try (DistributionArchive a = open(p, small)) {
            SourceFile big = a.sources().stream().filter(f -> f.module().equals("pkg.big")).findFirst().orElseThrow();
            assertThatThrownBy(() -> a.read(big)).isInstanceOf(EntryRefusedException.class)
                    .hasMessage(p + ": pkg/big.py is " + CODE.length + " bytes, over the 10-byte limit for one file; skipped");
        }
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        Path p = tmp.resolve("pkg-1.0-py3-none-any.whl");
        byte[] zeros = new byte[8 << 20];
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("pkg/__init__.py"));
            z.write(zeros);
            z.closeEntry();
        }
        try (DistributionArchive a = open(p, ArchiveLimits.DEFAULT)) {
            assertThatThrownBy(() -> a.read(a.sources().get(0))).isInstanceOf(ArchiveException.class)
                    .isNotInstanceOf(EntryRefusedException.class)
                    .hasMessageContaining("inflates more than 100 times its compressed size; refusing it as a decompression bomb");
        }
        Path tar = tarGz("pkg-1.0.tar.gz", t -> tarFile(t, "pkg-1.0/pkg/__init__.py", zeros));
        assertThatThrownBy(() -> open(tar, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("refusing it as a decompression bomb");
    }

    @Test
    void theTotalLimitStopsAnArchiveOfManyModestEntries() throws IOException {
        Path p = zip("pkg-1.0-py3-none-any.whl", "pkg/__init__.py", "pkg/a.py", "pkg/b.py");
        ArchiveLimits total = new ArchiveLimits(1 << 20, 2L * CODE.length, 100, 1000);
        try (DistributionArchive a = open(p, total)) {
            a.read(a.sources().get(0));
            a.read(a.sources().get(1));
            assertThatThrownBy(() -> a.read(a.sources().get(2))).isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("inflates past " + (2L * CODE.length) + " bytes in all");
        }
    }

    @Test
    void aTruncatedSdistIsRefused() throws IOException {
        Path whole = tarGz("whole.tar.gz", t -> {
            for (int i = 0; i < 50; i++) tarFile(t, "pkg-1.0/pkg/m" + i + ".py", ("X" + i + " = 1\n").repeat(200).getBytes(StandardCharsets.UTF_8));
        });
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("pkg-1.0.tar.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> open(cut, ArchiveLimits.DEFAULT)).isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith(cut + ": not a readable .tar.gz archive; it is corrupt or truncated");
    }

    @Test
    void anSdistCataloguesThePackageNamedLikeTheDistributionUnderSrc() throws IOException {
        Path p = tarGz("liger_kernel-0.1.0.tar.gz", t -> {
            tarFile(t, "liger_kernel-0.1.0/PKG-INFO", "Metadata-Version: 2.1\nName: liger_kernel\nVersion: 0.1.0\nRequires-Dist: torch>=2.1\n\nbody\n".getBytes(StandardCharsets.UTF_8));
            tarFile(t, "liger_kernel-0.1.0/setup.py", CODE);
            tarFile(t, "liger_kernel-0.1.0/src/liger_kernel/__init__.py", CODE);
            tarFile(t, "liger_kernel-0.1.0/src/liger_kernel/ops/rms_norm.py", CODE);
            tarFile(t, "liger_kernel-0.1.0/test/__init__.py", CODE);
        });
        try (DistributionArchive a = DistributionArchive.open(p, "liger-kernel", ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).extracting(SourceFile::module).containsExactly("liger_kernel", "liger_kernel.ops.rms_norm");
            assertThat(a.metadata()).hasValueSatisfying(m -> {
                assertThat(m.version()).isEqualTo("0.1.0");
                assertThat(m.requiresDist()).containsExactly("torch>=2.1");
            });
        }
    }

    @Test
    void anInstalledTreeIsReadThroughItsRecord() throws IOException {
        Path site = tmp.resolve("site-packages");
        Files.createDirectories(site.resolve("pkg/sub"));
        Files.createDirectories(site.resolve("other"));
        Files.createDirectories(site.resolve("pkg-2.1.dist-info"));
        Files.write(site.resolve("pkg/__init__.py"), CODE);
        Files.write(site.resolve("pkg/sub/mod.py"), CODE);
        Files.write(site.resolve("other/__init__.py"), CODE);
        Files.writeString(site.resolve("pkg-2.1.dist-info/METADATA"), "Metadata-Version: 2.1\nName: pkg\nVersion: 2.1\n\n");
        Files.writeString(site.resolve("pkg-2.1.dist-info/RECORD"),
                "pkg/__init__.py,sha256=x,18\npkg/sub/mod.py,sha256=y,18\n../../bin/tool,sha256=z,5\npkg-2.1.dist-info/RECORD,,\n");
        try (DistributionArchive a = open(site, ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).extracting(SourceFile::module).containsExactly("pkg", "pkg.sub.mod");
            assertThat(a.metadata().map(DistributionMetadata::version)).contains("2.1");
        }
        try (DistributionArchive a = DistributionArchive.open(site.resolve("pkg"), null, ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).extracting(SourceFile::module).containsExactly("pkg", "pkg.sub.mod");
        }
    }

    @Test
    void aWheelsRecordGivesEachFileAContentKey() throws IOException {
        Path p = dev.fitcheck.catalogue.TinyWheel.of("pkg", "1.0").file("pkg/__init__.py", "X = 1\n")
                .file("pkg/data/extra.py", "Y = 2\n").writeTo(tmp);
        try (DistributionArchive a = open(p, ArchiveLimits.DEFAULT)) {
            assertThat(a.sources()).allSatisfy(f -> assertThat(f.contentKey()).startsWith("sha256:"));
            assertThat(a.sources().get(0).contentKey()).isNotEqualTo(a.sources().get(1).contentKey());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
