package dev.fitcheck.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which artifact and release a jar file is, from the {@code pom.properties} Maven writes into it,
 * or else from its file name ({@code guava-33.5.0-jre.jar}).
 */
public record JarCoordinates(Optional<String> artifact, String version) {

    private static final Pattern FILE_NAME = Pattern.compile("^(.+?)-(\\d[^/]*)\\.jar$");

    public static JarCoordinates of(Path jar) {
        List<Properties> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(in);
                    }
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + ": " + e.getMessage(), e);
        }
        Matcher m = FILE_NAME.matcher(jar.getFileName().toString());
        String stem = m.matches() ? m.group(1) : null;
        // A shaded jar carries the pom.properties of what it bundles: prefer the one its file name names.
        for (Properties p : found) {
            if (found.size() == 1 || p.getProperty("artifactId", "").equals(stem)) {
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return new JarCoordinates(Optional.of(p.getProperty("groupId") + ":" + p.getProperty("artifactId")), v);
                }
            }
        }
        if (m.matches()) {
            return new JarCoordinates(Optional.empty(), m.group(2));
        }
        String name = jar.getFileName().toString();
        return new JarCoordinates(Optional.empty(), name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name);
    }
}
