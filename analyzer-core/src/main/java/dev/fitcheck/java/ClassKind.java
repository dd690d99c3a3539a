package dev.fitcheck.java;

import org.objectweb.asm.Opcodes;

/** The kind of a type, from its class file's access flags. */
public enum ClassKind {
    CLASS, INTERFACE, ENUM, ANNOTATION, RECORD;

    static ClassKind of(int access, String superName) {
        if ((access & Opcodes.ACC_ANNOTATION) != 0) return ANNOTATION;
        if ((access & Opcodes.ACC_INTERFACE) != 0) return INTERFACE;
        if ((access & Opcodes.ACC_ENUM) != 0) return ENUM;
        if ((access & Opcodes.ACC_RECORD) != 0 || "java/lang/Record".equals(superName)) return RECORD;
        return CLASS;
    }

    public boolean isInterface() {
        return this == INTERFACE || this == ANNOTATION;
    }
}
