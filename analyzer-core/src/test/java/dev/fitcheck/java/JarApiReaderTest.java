package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarApiReaderTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    private static List<String> members(ClassApi c) {
        return c.members().stream()
                .map(m -> m.kind() + " " + m.name() + (m.kind() == MemberKind.FIELD ? ":" : "") + m.descriptor() + (m.isStatic() ? " static" : "")
                        + (m.isProtected() ? " protected" : ""))
                .sorted().toList();
    }

    @Test
    void publicAndProtectedMembersWithoutBridgesOrSynthetics() {
        JarApi api = new JarApiReader().read(shapes.v1());
        ClassApi shape = api.find("org/acme/shapes/Shape").orElseThrow();
        assertThat(shape.exported()).isTrue();
        assertThat(shape.kind()).isEqualTo(ClassKind.CLASS);
        assertThat(shape.superName()).contains("org/acme/shapes/Base");
        assertThat(shape.interfaces()).containsExactly("org/acme/shapes/Drawable", "java/lang/Comparable");
        // compareTo(Object) is javac's bridge; the private field size and the anonymous Runnable are not API
        assertThat(members(shape)).containsExactly(
                "CONSTRUCTOR <init>(ID)V",
                "FIELD UNIT:Ljava/lang/String; static",
                "FIELD sides:I",
                "METHOD area()D",
                "METHOD compareTo(Lorg/acme/shapes/Shape;)I",
                "METHOD draw()Ljava/lang/String;",
                "METHOD printer()Ljava/lang/Runnable;",
                "METHOD resize(D)V protected",
                "METHOD square(I)Lorg/acme/shapes/Shape; static");
    }

    @Test
    void nestedClassesAreExportedOnlyWhenEveryEnclosingClassIs() {
        JarApi api = new JarApiReader().read(shapes.v1());
        assertThat(api.find("org/acme/shapes/Shape$Builder")).hasValueSatisfying(c -> assertThat(c.exported()).isTrue());
        assertThat(api.find("org/acme/shapes/Shape$Kind")).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(ClassKind.ENUM);
            assertThat(c.exported()).isTrue();
        });
        // private nested: kept for lookups, not API
        assertThat(api.find("org/acme/shapes/Shape$Secret")).hasValueSatisfying(c -> assertThat(c.exported()).isFalse());
        // package-private base: its public methods are reached through Shape
        assertThat(api.find("org/acme/shapes/Base")).hasValueSatisfying(c -> {
            assertThat(c.exported()).isFalse();
            assertThat(members(c)).contains("METHOD name()Ljava/lang/String;");
        });
        assertThat(api.find("org/acme/shapes/Shape$1")).isEmpty();
        assertThat(api.find("org/acme/shapes/Drawable")).hasValueSatisfying(c -> assertThat(c.kind().isInterface()).isTrue());
    }

    @Test
    void readsADirectoryOfClassesLikeAJar() {
        Path classes = work.resolve("shapes-1.0.jar.classes");
        assertThat(new JarApiReader().read(classes).classes().keySet())
                .containsExactlyInAnyOrderElementsOf(new JarApiReader().read(shapes.v1()).classes().keySet());
    }

    @Test
    void jdkClassesAreReadFromTheRunningJdk() {
        assertThat(JdkClasses.instance().find("java/util/AbstractList")).hasValueSatisfying(c ->
                assertThat(c.members()).anyMatch(m -> m.name().equals("add") && m.descriptor().equals("(Ljava/lang/Object;)Z")));
        // fitcheck's own dependencies are not the JDK's
        assertThat(JdkClasses.instance().find("com/google/common/base/Objects")).isEmpty();
    }
}
