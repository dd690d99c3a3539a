package dev.fitcheck.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberLookupTest {

    @TempDir
    static Path work;
    static ShapesFixture shapes;

    @BeforeAll
    static void build() {
        shapes = ShapesFixture.build(work);
    }

    @Test
    void membersAreFoundThroughSupertypesAsTheJvmLinksThem() {
        ClassWorld v2 = shapes.classPath(shapes.v2(), "2.0").world();
        String shape = "org/acme/shapes/Shape";
        // area() moved up into the package-private base in 2.0: a call compiled against 1.0 still links
        assertThat(MemberLookup.resolve(v2, JavaSymbol.method(shape, "area", "()D", false))).isEqualTo(LookupOutcome.FOUND);
        // hashCode comes from java.lang.Object, read from the JDK
        assertThat(MemberLookup.resolve(v2, JavaSymbol.method(shape, "hashCode", "()I", false))).isEqualTo(LookupOutcome.FOUND);
        assertThat(MemberLookup.resolve(v2, JavaSymbol.method(shape, "square", "(I)Lorg/acme/shapes/Shape;", true)))
                .isEqualTo(LookupOutcome.MEMBER_MISSING);
        assertThat(MemberLookup.resolve(v2, JavaSymbol.field(shape, "sides", "I", false))).isEqualTo(LookupOutcome.STATIC_MISMATCH);
        assertThat(MemberLookup.resolve(v2, JavaSymbol.ofClass(shape + "$Builder"))).isEqualTo(LookupOutcome.CLASS_MISSING);
        // constructors are never inherited
        assertThat(MemberLookup.resolve(v2, JavaSymbol.constructor(shape + "$Kind", "()V"))).isEqualTo(LookupOutcome.MEMBER_MISSING);
        assertThat(MemberLookup.resolve(v2, JavaSymbol.anyMember(shape, "UNIT"))).isEqualTo(LookupOutcome.FOUND);
    }

    @Test
    void aSupertypeOutsideTheWorldMakesAbsenceUnprovable() {
        ClassApi orphan = new ClassApi("com/example/Orphan", ClassKind.CLASS, true, Optional.of("com/example/Missing"),
                List.of(), List.of());
        ClassWorld world = name -> name.equals(orphan.name()) ? Optional.of(orphan) : Optional.empty();
        assertThat(MemberLookup.resolve(world, JavaSymbol.method("com/example/Orphan", "run", "()V", false)))
                .isEqualTo(LookupOutcome.UNKNOWN);
    }
}
