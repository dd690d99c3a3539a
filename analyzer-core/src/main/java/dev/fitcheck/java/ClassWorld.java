package dev.fitcheck.java;

import java.util.Optional;

/**
 * The classes a JVM would see: a class path, one release of a library, the JDK, or several of
 * these layered. Member lookups walk supertypes through it.
 */
@FunctionalInterface
public interface ClassWorld {

    /** The class by internal name ({@code com/google/common/base/Objects}), or empty when this world lacks it. */
    Optional<ClassApi> find(String internalName);

    /** This world, then {@code next} for what this one lacks. */
    default ClassWorld then(ClassWorld next) {
        return name -> {
            Optional<ClassApi> here = find(name);
            return here.isPresent() ? here : next.find(name);
        };
    }
}
