package dev.fitcheck.python;

/**
 * A name a module binds at module level: in its body or in any branch of a module-level if/else,
 * try/except, for, while, with or match.
 *
 * @param typeOnly  bound only under {@code if TYPE_CHECKING:}, so absent at run time
 * @param source    for imports, where the name comes from; otherwise null
 * @param signature for functions, the parameters; otherwise null
 */
public record BoundName(String name, NameKind kind, int line, boolean typeOnly, ImportSource source, Parameters signature) {
}
