package dev.fitcheck.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes of the JDK fitcheck runs on, read as class files (never loaded or initialised):
 * member lookups that climb from a library class into {@code java.util.AbstractList} or
 * {@code java.lang.Object} finish here.
 */
public final class JdkClasses implements ClassWorld {

    private static final JdkClasses INSTANCE = new JdkClasses();

    private final ConcurrentHashMap<String, Optional<ClassApi>> cache = new ConcurrentHashMap<>();
    private final JarApiReader reader = new JarApiReader();

    private JdkClasses() {
    }

    public static JdkClasses instance() {
        return INSTANCE;
    }

    @Override
    public Optional<ClassApi> find(String internalName) {
        return cache.computeIfAbsent(internalName, this::load);
    }

    private Optional<ClassApi> load(String internalName) {
        // The platform loader sees the JDK's modules and nothing of fitcheck's own class path, so a
        // library fitcheck happens to bundle (guava, say) is never taken for part of the JDK.
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : reader.readClass(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
