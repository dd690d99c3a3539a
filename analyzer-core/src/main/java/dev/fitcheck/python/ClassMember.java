package dev.fitcheck.python;

/** A name a class body binds; {@code signature} is set for methods and properties. */
public record ClassMember(String name, MemberKind kind, int line, Parameters signature) {
}
