package dev.fitcheck.java;

/** Where a reference is made: a line of the project's Java source, or an instruction of a compiled class. */
public sealed interface ReferenceSite extends Comparable<ReferenceSite> permits SourceSite, ClassFileSite {

    /** {@code src/main/java/com/acme/App.java:12:9} or {@code lib-1.0.jar com.acme.Lib (Lib.java:7)}. */
    String display();

    @Override
    default int compareTo(ReferenceSite o) {
        return display().compareTo(o.display());
    }
}
