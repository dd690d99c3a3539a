package dev.fitcheck.python;

/**
 * A condition that code runs under and that a release can be checked against:
 * {@code if Version(transformers.__version__) >= Version("4.33.0"):} ({@link Kind#VERSION},
 * subject {@code transformers}, specifier {@code >=4.33.0}), or
 * {@code if hasattr(FullyShardedDataParallelPlugin, "get_module_class_from_name"):}
 * ({@link Kind#HAS_ATTRIBUTE}, subject the attribute's dotted path). {@code holds} is false in the
 * else branch and under {@code not}. A reference under a guard needs its symbol only in the
 * releases where the guard holds: libraries that support several releases say so this way.
 */
public record Guard(Kind kind, String subject, String specifier, boolean holds) {

    public enum Kind { VERSION, HAS_ATTRIBUTE }

    public Guard negated() {
        return new Guard(kind, subject, specifier, !holds);
    }

    /** The top-level import name the guard asks about: {@code transformers}. */
    public String topLevel() {
        int dot = subject.indexOf('.');
        return dot < 0 ? subject : subject.substring(0, dot);
    }

    @Override
    public String toString() {
        String what = kind == Kind.VERSION ? subject + specifier : "hasattr " + subject;
        return holds ? what : "not " + what;
    }
}
