package dev.fitcheck.bench.version;

import dev.fitcheck.version.SpecifierSet;
import dev.fitcheck.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload both sides run: every release string of the real-world list (transformers, torch,
 * numpy, accelerate, flash-attn, certifi, pytz, setuptools; the invalid ones too), and the
 * specifiers a catalogue or a verdict asks about them. packaging_peer.py builds the same lists.
 */
final class VersionWorkload {

    static final String[] SPECIFIERS = {
        "==4.44.2", ">=4.46,<4.48", "<4.45", "~=2.3.1", ">=1.26,<2", "!=1.5,>=1.0", "==2.*", ">=0.14.5,<0.15",
        ">=2.6.3", "<=70.0", ">60,!=65.5.1,<75", "==2024.*", "~=1.4.5", ">=5.0.0rc0", "",
    };

    final List<String> texts;
    final List<Version> versions;
    final List<SpecifierSet> specifiers;

    VersionWorkload(Path list) {
        try {
            texts = Files.readAllLines(list).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(l.indexOf(' ') + 1).trim()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Version> parsed = new ArrayList<>();
        for (String t : texts) {
            Version.tryParse(t).ifPresent(parsed::add);
        }
        versions = List.copyOf(parsed);
        List<SpecifierSet> specs = new ArrayList<>();
        for (String s : SPECIFIERS) {
            specs.add(SpecifierSet.parse(s));
        }
        specifiers = List.copyOf(specs);
    }

    static Path defaultList() {
        return Path.of(System.getProperty("fitcheck.versions",
                "analyzer-core/src/test/resources/dev/fitcheck/version/real-world-versions.txt"));
    }
}
