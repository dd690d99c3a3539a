package dev.fitcheck.memory.arch;

/**
 * A module that computes with a Linear's weight outside that Linear's own forward, so a quantizer
 * that swaps the Linear for an int8 or 4-bit one breaks it: the weight it reads is then bytes, not
 * floats. {@code module} is the prefix that must stay in the compute dtype, {@code linear} the Linear
 * inside it that would be replaced, {@code failure} the error it raises.
 */
public record ComputeOutsideForward(String module, String linear, String reason, String failure) {
}
