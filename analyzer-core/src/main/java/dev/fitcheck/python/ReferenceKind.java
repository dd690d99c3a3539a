package dev.fitcheck.python;

/** How a model's code uses an external symbol. */
public enum ReferenceKind {
    /** {@code import a.b} or {@code import a.b as c}: the path is a module. */
    IMPORT_MODULE,
    /** {@code from a.b import x}: the path is {@code a.b.x}, a name or a submodule. */
    IMPORT_NAME,
    /** {@code from a.b import *}: the path is the module. */
    IMPORT_STAR,
    /** A name the code uses that only a star import can have bound: the path is {@code module.name}. */
    STAR_NAME,
    /** An attribute reached through an imported module or name: {@code modeling_siglip.SiglipAttention}. */
    ATTRIBUTE,
    /** A class that the model subclasses. */
    BASE_CLASS,
    /** A member used through a base class: {@code super().forward}, {@code Base.method}, {@code self.method()}. */
    MEMBER,
    /** A keyword argument passed to a callable that is known statically. */
    KEYWORD_ARGUMENT
}
