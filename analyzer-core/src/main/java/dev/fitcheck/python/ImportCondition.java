package dev.fitcheck.python;

/** Whether a reference must resolve for the code to run. */
public enum ImportCondition {
    /** Needed: bounds the version range. */
    REQUIRED,
    /** Inside {@code try: ... except ImportError}: the code copes without it. */
    OPTIONAL,
    /** Under {@code if TYPE_CHECKING:}: never executed. */
    TYPE_ONLY
}
