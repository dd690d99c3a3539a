package dev.fitcheck.java;

/** What a class member is, as the JVM links it. */
public enum MemberKind {
    METHOD,
    /** {@code <init>}: linked by descriptor like a method, but never inherited. */
    CONSTRUCTOR,
    FIELD
}
