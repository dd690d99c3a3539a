package dev.fitcheck.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every class, method, constructor and field that compiled classes link against, with the class
 * and source line of the instruction: what the JVM will resolve when that code runs. Streams its
 * findings, since a class path's jars hold millions of instructions.
 */
public final class ClassFileReferenceReader {

    /** Reads {@code jarOrDirectory}, naming it {@code container} in each reference's site. */
    public void read(Path jarOrDirectory, String container, Consumer<JavaReference> sink) {
        try {
            if (Files.isDirectory(jarOrDirectory)) {
                try (Stream<Path> files = Files.walk(jarOrDirectory)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> JarApiReader.isClassEntry(
                            jarOrDirectory.relativize(p).toString().replace('\\', '/'))).sorted()::iterator) {
                        readClass(Files.readAllBytes(f), container, sink);
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(jarOrDirectory.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (!e.isDirectory() && JarApiReader.isClassEntry(e.getName())) {
                            try (InputStream in = zip.getInputStream(e)) {
                                readClass(in.readAllBytes(), container, sink);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarOrDirectory + ": " + e.getMessage(), e);
        }
    }

    void readClass(byte[] bytes, String container, Consumer<JavaReference> sink) {
        new ClassReader(bytes).accept(new Collector(container, sink), ClassReader.SKIP_FRAMES);
    }

    private static final class Collector extends ClassVisitor {
        final String container;
        final Consumer<JavaReference> sink;
        final Set<String> seen = new HashSet<>();
        final Set<String> declared = new HashSet<>();
        final java.util.List<JavaReference> pending = new java.util.ArrayList<>();
        String className;
        String sourceFile;

        Collector(String container, Consumer<JavaReference> sink) {
            super(Opcodes.ASM9);
            this.container = container;
            this.sink = sink;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            // The supertypes are linked when the class loads, at no line of its own.
            if (superName != null) emit(JavaSymbol.ofClass(superName), 0);
            if (interfaces != null) {
                for (String i : interfaces) emit(JavaSymbol.ofClass(i), 0);
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            declared.add(MemberApi.key(name, descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            declared.add(MemberApi.key(name, descriptor));
            return new MethodVisitor(Opcodes.ASM9) {
                int line;

                @Override
                public void visitLineNumber(int l, Label start) {
                    line = l;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String n, String desc, boolean itf) {
                    if (owner.startsWith("[")) return; // array clone(): always there
                    emit("<init>".equals(n) ? JavaSymbol.constructor(owner, desc)
                            : JavaSymbol.method(owner, n, desc, opcode == Opcodes.INVOKESTATIC), line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String n, String desc) {
                    if (owner.startsWith("[")) return;
                    emit(JavaSymbol.field(owner, n, desc, opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC), line);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    classOf(Type.getObjectType(type)).ifPresent(c -> emit(JavaSymbol.ofClass(c), line));
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t && t.getSort() != Type.METHOD) {
                        classOf(t).ifPresent(c -> emit(JavaSymbol.ofClass(c), line));
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    classOf(Type.getType(desc)).ifPresent(c -> emit(JavaSymbol.ofClass(c), line));
                }
            };
        }

        private static Optional<String> classOf(Type t) {
            Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            return e.getSort() == Type.OBJECT ? Optional.of(e.getInternalName()) : Optional.empty();
        }

        void emit(JavaSymbol symbol, int line) {
            if (symbol.owner().equals(className) && symbol.kind() == SymbolKind.CLASS) return;
            if (seen.add(symbol.kind() + symbol.owner() + '.' + symbol.name() + symbol.descriptor() + symbol.isStatic() + '@' + line)) {
                pending.add(new JavaReference(symbol,
                        new ClassFileSite(container, className, Optional.ofNullable(sourceFile), line)));
            }
        }

        /**
         * A member the class names through itself ({@code this.sides}, compiled as {@code Bed.sides})
         * but does not declare is inherited: it links against a supertype, maybe in another jar.
         * One it declares links against itself and is left out.
         */
        @Override
        public void visitEnd() {
            for (JavaReference r : pending) {
                JavaSymbol s = r.symbol();
                if (s.owner().equals(className) && declared.contains(MemberApi.key(s.name(), s.descriptor()))) continue;
                sink.accept(r);
            }
        }
    }
}
