package dev.fitcheck.java;

/** A SARIF rule: what GitHub code scanning shows as the alert's title, description and help. */
public record SarifRule(String id, String name, String level, String shortDescription, String fullDescription, String help) {
}
