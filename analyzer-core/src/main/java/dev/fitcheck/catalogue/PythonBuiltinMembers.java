package dev.fitcheck.catalogue;

import java.util.Set;

/**
 * Attributes Python gives objects and classes whatever their source defines, which a catalogue
 * built from sources therefore never lists: {@code super().__init__()} in a subclass of a class
 * without an {@code __init__} of its own calls {@code object.__init__}; a {@code @dataclass}'s
 * generated {@code __init__} and {@code __eq__} are there the same way.
 *
 * <p>The lists are CPython's own, {@code dir(object)} and {@code dir(type)} (less
 * {@code dir(object)}), on 3.8 to 3.13 taken together; an attribute newer than some of those
 * versions ({@code object.__getstate__} 3.11, {@code type.__annotations__}, {@code __or__} 3.10,
 * {@code __type_params__} 3.12) is a question of the Python version, not of the package's.
 */
final class PythonBuiltinMembers {

    private PythonBuiltinMembers() {
    }

    /** {@code dir(object)}: on every object, so on every module-level name and every class. */
    private static final Set<String> OF_EVERY_OBJECT = Set.of(
            "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
            "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
            "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
            "__setattr__", "__sizeof__", "__str__", "__subclasshook__");

    /**
     * {@code dir(type)} less {@code dir(object)}, on every class object, with {@code __weakref__}
     * that a class statement adds; without {@code __abstractmethods__}, which raises
     * AttributeError on a class that is not abstract.
     */
    private static final Set<String> OF_EVERY_CLASS = Set.of(
            "__annotations__", "__base__", "__bases__", "__basicsize__", "__call__", "__dict__",
            "__dictoffset__", "__flags__", "__instancecheck__", "__itemsize__", "__module__", "__mro__",
            "__name__", "__or__", "__prepare__", "__qualname__", "__ror__", "__subclasscheck__",
            "__subclasses__", "__text_signature__", "__type_params__", "__weakrefoffset__", "mro",
            "__weakref__");

    /** Whether every Python object has {@code member}. */
    static boolean ofEveryObject(String member) {
        return OF_EVERY_OBJECT.contains(member);
    }

    /** Whether every Python class has {@code member} (those of every object included). */
    static boolean ofEveryClass(String member) {
        return OF_EVERY_CLASS.contains(member) || OF_EVERY_OBJECT.contains(member);
    }
}
