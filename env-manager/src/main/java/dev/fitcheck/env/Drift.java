package dev.fitcheck.env;

/** One way an environment differs from its lock. */
public record Drift(Kind kind, PackageName name, String expected, String actual) {

    public enum Kind { MISSING, ADDED, VERSION, BUILD, FILES }

    public String display() {
        return switch (kind) {
            case MISSING -> name + " " + expected + " is locked but no longer installed";
            case ADDED -> name + " " + actual + " is installed but not in the lock";
            case VERSION -> name + " is " + actual + ", the lock says " + expected;
            case BUILD -> name + " has the locked version but another build (digest " + actual.substring(0, 12)
                    + "…, locked " + expected.substring(0, 12) + "…)";
            case FILES -> name + " has files that differ from its RECORD: " + actual;
        };
    }
}
