package dev.fitcheck.report.sarif;

/**
 * One result: which rule, the message, and the region in a repository-relative file (1-based
 * lines and columns, end column exclusive as SARIF wants). {@code symbol} feeds the fingerprint so
 * that the same break keeps its identity when lines move. {@code snippet} is the source line the
 * region starts on, shown by code scanning next to the alert ({@code ""} when not known).
 */
public record SarifFinding(String ruleId, String message, String uri, int startLine, int startColumn, int endLine,
        int endColumn, String symbol, String snippet) {

    public SarifFinding(String ruleId, String message, String uri, int startLine, int startColumn, int endLine,
            int endColumn, String symbol) {
        this(ruleId, message, uri, startLine, startColumn, endLine, endColumn, symbol, "");
    }
}
