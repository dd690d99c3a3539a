package dev.fitcheck.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the linkable API of a jar or a directory of classes with ASM, without the method bodies:
 * classes with their supertypes, public and protected methods (name and descriptor) and fields.
 * Synthetic classes and members, bridges, anonymous and local classes are left out: no source can
 * name them. Multi-release jars are read at their base layer (what every JVM sees).
 */
public final class JarApiReader {

    private static final int PARSING = ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

    public JarApi read(Path jarOrDirectory) {
        Map<String, RawClass> raw = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(jarOrDirectory)) {
                try (Stream<Path> files = Files.walk(jarOrDirectory)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> isClassEntry(jarOrDirectory.relativize(p).toString()
                            .replace('\\', '/'))).sorted()::iterator) {
                        add(raw, Files.readAllBytes(f));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(jarOrDirectory.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (!e.isDirectory() && isClassEntry(e.getName())) {
                            try (InputStream in = zip.getInputStream(e)) {
                                add(raw, in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarOrDirectory + ": " + e.getMessage(), e);
        }
        Map<String, ClassApi> classes = new LinkedHashMap<>();
        Map<String, Boolean> exported = new HashMap<>();
        for (RawClass c : raw.values()) {
            classes.put(c.name, c.toApi(isExported(c.name, raw, exported)));
        }
        return new JarApi(classes);
    }

    /** One class file on its own (a JDK class looked up by name); exported as its own flags say. */
    public Optional<ClassApi> readClass(byte[] classFile) {
        Map<String, RawClass> raw = new HashMap<>();
        add(raw, classFile);
        return raw.values().stream().findFirst().map(c -> c.toApi(c.visible()));
    }

    static boolean isClassEntry(String entryName) {
        return entryName.endsWith(".class")
                && !entryName.startsWith("META-INF/")
                && !entryName.endsWith("module-info.class")
                && !entryName.endsWith("package-info.class");
    }

    private static void add(Map<String, RawClass> raw, byte[] bytes) {
        ApiVisitor v = new ApiVisitor();
        new ClassReader(bytes).accept(v, PARSING);
        RawClass c = v.result;
        if (c != null && !c.skip) {
            raw.putIfAbsent(c.name, c); // a shaded duplicate does not replace the first
        }
    }

    /** Exported when public (or protected, for a nested class) all the way out to its top-level class. */
    private static boolean isExported(String name, Map<String, RawClass> raw, Map<String, Boolean> memo) {
        Boolean known = memo.get(name);
        if (known != null) return known;
        RawClass c = raw.get(name);
        boolean result;
        if (c == null) {
            result = false;
        } else if (!c.visible()) {
            result = false;
        } else {
            result = c.outerName == null || isExported(c.outerName, raw, memo);
        }
        memo.put(name, result);
        return result;
    }

    private static final class RawClass {
        String name;
        int access;
        Integer innerAccess;
        String outerName;
        String superName;
        List<String> interfaces = List.of();
        final List<MemberApi> members = new ArrayList<>();
        final java.util.Set<String> otherMembers = new java.util.HashSet<>();
        boolean skip;

        boolean visible() {
            int a = innerAccess != null ? innerAccess : access;
            return (a & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
        }

        ClassApi toApi(boolean exported) {
            return new ClassApi(name, ClassKind.of(access, superName), exported, Optional.ofNullable(superName), interfaces,
                    members, otherMembers, (access & Opcodes.ACC_FINAL) != 0);
        }
    }

    private static final class ApiVisitor extends ClassVisitor {
        RawClass result;

        ApiVisitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            result = new RawClass();
            result.name = name;
            result.access = access;
            result.superName = superName;
            result.interfaces = interfaces == null ? List.of() : List.of(interfaces);
            result.skip = (access & Opcodes.ACC_SYNTHETIC) != 0;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (!name.equals(result.name)) {
                return;
            }
            if (outerName == null || innerName == null) {
                result.skip = true; // anonymous or local: no other class can name it
                return;
            }
            result.innerAccess = access;
            result.outerName = outerName;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (linkable(access)) {
                result.members.add(new MemberApi(MemberKind.FIELD, name, descriptor,
                        (access & Opcodes.ACC_STATIC) != 0, (access & Opcodes.ACC_PROTECTED) != 0,
                        (access & Opcodes.ACC_FINAL) != 0));
            } else {
                result.otherMembers.add(MemberApi.key(name, descriptor));
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (linkable(access) && (access & Opcodes.ACC_BRIDGE) == 0 && !"<clinit>".equals(name)) {
                MemberKind kind = "<init>".equals(name) ? MemberKind.CONSTRUCTOR : MemberKind.METHOD;
                result.members.add(new MemberApi(kind, name, descriptor,
                        (access & Opcodes.ACC_STATIC) != 0, (access & Opcodes.ACC_PROTECTED) != 0,
                        (access & Opcodes.ACC_FINAL) != 0));
            } else {
                result.otherMembers.add(MemberApi.key(name, descriptor));
            }
            return null;
        }

        private static boolean linkable(int access) {
            return (access & Opcodes.ACC_SYNTHETIC) == 0
                    && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
        }
    }
}
