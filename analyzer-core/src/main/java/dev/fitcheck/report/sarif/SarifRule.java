package dev.fitcheck.report.sarif;

/** A kind of finding as code scanning lists it: id, one-line and full descriptions, help, level. */
public record SarifRule(String id, String name, String shortDescription, String fullDescription, String help,
        String level) {
}
