package dev.fitcheck.memory.quant;

/** Something that makes a loading scheme fail or misbehave: the module, what happens, and the fix. */
public record PlanProblem(String module, String problem, String fix) {
}
