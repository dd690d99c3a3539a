package dev.fitcheck.java;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the JDK's own compiler, in this JVM (no process), and packs classes
 * into jars: how tests make real class files and jars from fixture sources.
 */
public final class InProcessCompiler {

    /** An error the compiler reported: file, line and message. */
    public record Error(Path file, long line, String message) {
    }

    private InProcessCompiler() {
    }

    /** Compiles every .java file under {@code sourceRoot} into {@code out}; returns the errors (empty when it compiled). */
    public static List<Error> compile(Path sourceRoot, List<Path> classPath, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
                Stream<Path> walk = Files.walk(sourceRoot)) {
            Files.createDirectories(out);
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            List<String> options = new ArrayList<>(List.of("--release", "8", "-g", "-nowarn", "-Xlint:-options",
                    "-implicit:none", "-proc:none", "-d", out.toString()));
            if (!classPath.isEmpty()) {
                options.add("-classpath");
                options.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            }
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new Error(Path.of(d.getSource().toUri()), d.getLineNumber(), d.getMessage(Locale.ROOT)));
            }
        }
        return errors;
    }

    /** Compiles and fails loudly: for fixtures that must compile. */
    public static Path compileOrFail(Path sourceRoot, List<Path> classPath, Path out) {
        List<Error> errors = compile(sourceRoot, classPath, out);
        if (!errors.isEmpty()) {
            throw new AssertionError("fixture does not compile: " + errors);
        }
        return out;
    }

    /** Packs a directory of classes into a jar (entries sorted, fixed times: the same bytes every run). */
    public static Path jar(Path classes, Path jar) {
        try (Stream<Path> walk = Files.walk(classes)) {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Path f : files) {
                    ZipEntry e = new ZipEntry(classes.relativize(f).toString().replace('\\', '/'));
                    e.setTime(0L);
                    zip.putNextEntry(e);
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code sourceRoot} against {@code classPath} and packs it as {@code jar}. */
    public static Path buildJar(Path sourceRoot, List<Path> classPath, Path workDir, Path jar) {
        Path classes = workDir.resolve(jar.getFileName().toString() + ".classes");
        compileOrFail(sourceRoot, classPath, classes);
        return jar(classes, jar);
    }
}
