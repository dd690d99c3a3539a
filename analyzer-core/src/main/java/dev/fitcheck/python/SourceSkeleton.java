package dev.fitcheck.python;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A Python source with what an API summary never reads cut out before tree-sitter sees it:
 * function bodies (replaced by {@code ...}), blank and comment-only lines, the contents of strings
 * that span lines (docstrings), parameter annotations, return annotations and default values
 * ({@code x: int = 1} becomes {@code x=...}), and the values of assignments ({@code X = {...}}
 * becomes {@code X = ...}) except where the summary reads them ({@code __all__},
 * {@code _import_structure}, {@code _SUBMOD_ATTRS}, a call of {@code define_import_structure}, a
 * {@code submod_attrs=} argument). Names, members,
 * decorators, bases and parameter names stay byte for byte.
 *
 * <p>Why: the tree-sitter natives shipped in {@code io.github.bonede:tree-sitter} parse about four
 * times slower than tree-sitter's own Python wheels (transformers 4.57.6: 11 s against 2.6 s for
 * 52 MB), and four fifths of a library's bytes are in what is cut here.
 *
 * <p>The scan is a Python tokenizer reduced to what decides block structure: logical lines
 * (brackets, backslash continuations, strings of every prefix including nested f-strings) and
 * their indentation. A source it cannot follow (an unterminated string) is returned unchanged; a
 * def header with a {@code lambda} in it, or an assignment with one, keeps its text (a lambda's
 * commas and colons would mislead the cut). The caller also falls back to the original source when
 * the skeleton does not parse cleanly, and a differential test against CPython's {@code ast} keeps
 * the result honest.
 *
 * @param bytes        the UTF-8 text to parse
 * @param originalRow  for each 0-based row of {@code bytes}, the 0-based row it came from
 * @param elided       whether anything was cut
 * @param chunks       the top-level statements, grouped: each compound statement (with its decorators
 *                     and else/except clauses) alone, runs of simple statements together; ascending;
 *                     null for a source returned unchanged
 */
record SourceSkeleton(byte[] bytes, int[] originalRow, boolean elided, Chunk[] chunks) {

    /**
     * A run of top-level statements: bytes [start, end) of the skeleton, starting at skeleton row
     * {@code row}. A chunk parses the same alone as inside its file, so its summary can be reused
     * wherever the same bytes appear again.
     */
    record Chunk(int start, int end, int row) {
    }

    static SourceSkeleton identity(byte[] src) {
        int rows = 1;
        for (byte b : src) {
            if (b == '\n') rows++;
        }
        int[] map = new int[rows];
        for (int i = 0; i < rows; i++) map[i] = i;
        return new SourceSkeleton(src, map, false, null);
    }

    /** The original 0-based row of a row of the skeleton. */
    int originalRowOf(int row) {
        return row < originalRow.length ? originalRow[row] : originalRow[originalRow.length - 1];
    }

    static SourceSkeleton of(byte[] src) {
        Scanner s = new Scanner(src);
        if (!s.scan()) {
            return identity(src);
        }
        return s.emit();
    }

    /** One logical line: where it starts and ends (after its newline), and what decides blocks and chunks. */
    private record LogicalLine(int start, int end, int indent, int indentEnd, boolean defBlockHeader, Kind kind) {
    }

    /** What a logical line is to chunking. */
    private enum Kind { SIMPLE, COMPOUND_HEADER, CLAUSE, DECORATOR }

    /** Bytes [start, end) to leave out, replaced by {@code ...} when {@code ellipsis}. */
    private record Cut(int start, int end, boolean ellipsis) {
    }

    private static final byte[] DEFINE_IMPORT_STRUCTURE = "define_import_structure".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SUBMOD_ATTRS = "submod_attrs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final class Scanner {
        final byte[] src;
        final int n;
        int pos;
        LogicalLine[] lines = new LogicalLine[256];
        int lineCount;
        Cut[] cuts = new Cut[256];
        int cutCount;
        boolean failed;
        /** How many f-string replacement fields enclose the scan: strings inside them are never cut alone. */
        int fieldDepth;
        /** Set by {@link #logicalLine()}: what the line just scanned is. */
        Kind lineKind;

        Scanner(byte[] src) {
            this.src = src;
            this.n = src.length;
        }

        boolean scan() {
            while (pos < n && !failed) {
                int lineStart = pos;
                int indent = 0;
                while (pos < n) {
                    byte c = src[pos];
                    if (c == ' ') indent++;
                    else if (c == '\t') indent = (indent / 8 + 1) * 8;
                    else if (c == '\f') indent = 0;
                    else break;
                    pos++;
                }
                int indentEnd = pos;
                if (pos >= n) break;
                byte c = src[pos];
                if (c == '#' || c == '\n' || (c == '\r' && pos + 1 < n && src[pos + 1] == '\n')) {
                    skipToLineEnd();
                    continue;
                }
                lineKind = Kind.SIMPLE;
                boolean header = logicalLine();
                add(new LogicalLine(lineStart, pos, indent, indentEnd, header, lineKind));
            }
            return !failed;
        }

        private void skipToLineEnd() {
            while (pos < n && src[pos] != '\n') pos++;
            if (pos < n) pos++;
        }

        private void add(LogicalLine l) {
            if (lineCount == lines.length) lines = Arrays.copyOf(lines, lineCount * 2);
            lines[lineCount++] = l;
        }

        private void addCut(int start, int end, boolean ellipsis) {
            if (end <= start) return;
            if (cutCount == cuts.length) cuts = Arrays.copyOf(cuts, cutCount * 2);
            cuts[cutCount++] = new Cut(start, end, ellipsis);
        }

        /**
         * Scans one logical line from the first non-blank byte to after its newline, recording what
         * may be cut from it. Returns whether it is the header of a {@code def} (or
         * {@code async def}) whose body is an indented block.
         */
        private boolean logicalLine() {
            int lineStart = pos;
            int firstCut = cutCount;
            int depth = 0;
            int words = 0;
            int firstWordStart = -1;
            int firstWordEnd = -1;
            boolean firstIsDef = false;
            boolean firstIsAsync = false;
            boolean secondIsDef = false;
            boolean clause = false;
            boolean decorator = pos < n && src[pos] == '@';
            boolean lambda = false;
            byte last = 0;
            int lastEnd = pos; // just after the last significant token
            // parameter list of a def header
            boolean inParams = false;
            boolean paramsDone = false;
            int pendingStart = -1; // an annotation or default being cut
            boolean pendingEllipsis = false;
            int arrow = -1;
            int assignEnd = -1; // just after the last top-level '=' of an assignment
            while (pos < n) {
                byte c = src[pos];
                if (c == '\n') {
                    pos++;
                    if (depth == 0) break;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                    pos++;
                    continue;
                }
                if (c == '#') {
                    while (pos < n && src[pos] != '\n') pos++;
                    continue;
                }
                if (c == '\\') {
                    if (pos + 1 < n && src[pos + 1] == '\n') {
                        pos += 2;
                        continue;
                    }
                    if (pos + 2 < n && src[pos + 1] == '\r' && src[pos + 2] == '\n') {
                        pos += 3;
                        continue;
                    }
                    pos++;
                    last = c;
                    lastEnd = pos;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    string(false);
                    if (failed) return false;
                    last = '"';
                    lastEnd = pos;
                    continue;
                }
                if (isWordStart(c)) {
                    int w = pos;
                    while (pos < n && isWordPart(src[pos])) pos++;
                    if (pos < n && (src[pos] == '"' || src[pos] == '\'') && isStringPrefix(w, pos)) {
                        string(isFormatted(w, pos));
                        if (failed) return false;
                        last = '"';
                        lastEnd = pos;
                        continue;
                    }
                    if (wordIs(w, pos, "lambda")) lambda = true;
                    if (depth == 0 && words < 2) {
                        if (words == 0) {
                            firstWordStart = w;
                            firstWordEnd = pos;
                            firstIsDef = wordIs(w, pos, "def");
                            firstIsAsync = wordIs(w, pos, "async");
                            clause = wordIs(w, pos, "else") || wordIs(w, pos, "elif") || wordIs(w, pos, "except")
                                    || wordIs(w, pos, "finally");
                        } else {
                            secondIsDef = wordIs(w, pos, "def");
                        }
                        words++;
                    }
                    last = 'a';
                    lastEnd = pos;
                    continue;
                }
                boolean def = firstIsDef || (firstIsAsync && secondIsDef);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    if (def && c == '(' && depth == 1 && !inParams && !paramsDone) inParams = true;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth > 0) depth--;
                    if (inParams && depth == 0) {
                        if (pendingStart >= 0) addCut(pendingStart, pos, pendingEllipsis);
                        pendingStart = -1;
                        inParams = false;
                        paramsDone = true;
                    }
                } else if (inParams && depth == 1) {
                    if (c == ',') {
                        if (pendingStart >= 0) addCut(pendingStart, pos, pendingEllipsis);
                        pendingStart = -1;
                    } else if (c == ':' && pendingStart < 0) {
                        pendingStart = pos; // annotation: ": T" goes
                        pendingEllipsis = false;
                    } else if (c == '=' && (pendingStart < 0 || !pendingEllipsis)) {
                        if (pendingStart >= 0) addCut(pendingStart, pos, false);
                        pendingStart = pos + 1; // default: "=..." stays
                        pendingEllipsis = true;
                    }
                } else if (def && paramsDone && depth == 0 && c == '-' && pos + 1 < n && src[pos + 1] == '>') {
                    arrow = pos;
                } else if (!def && depth == 0 && c == '=' && isAssignment(pos)) {
                    assignEnd = pos + 1;
                }
                last = c;
                pos++;
                lastEnd = pos;
            }
            boolean def = firstIsDef || (firstIsAsync && secondIsDef);
            lineKind = decorator ? Kind.DECORATOR : clause ? Kind.CLAUSE : last == ':' ? Kind.COMPOUND_HEADER : Kind.SIMPLE;
            if (def && arrow >= 0 && last == ':') {
                addCut(arrow, lastEnd - 1, false);
            }
            if (!def && assignEnd > 0 && lineKind == Kind.SIMPLE && firstWordStart == lineStart
                    && valueMayGo(firstWordStart, firstWordEnd, lineStart, pos)) {
                int from = assignEnd;
                while (from < lastEnd && (src[from] == ' ' || src[from] == '\t')) from++;
                addCut(from, lastEnd, true);
            }
            if (lambda) {
                // a lambda's commas and colons would mislead the cuts above: keep the text, drop only strings
                int kept = firstCut;
                for (int i = firstCut; i < cutCount; i++) {
                    if (cuts[i].ellipsis() || !isStringContent(cuts[i])) continue;
                    cuts[kept++] = cuts[i];
                }
                cutCount = kept;
            }
            normalizeCuts(firstCut);
            return def && last == ':';
        }

        /** Whether a cut is a string's contents (they are recorded without ellipsis and start after a quote). */
        private boolean isStringContent(Cut c) {
            byte before = src[c.start() - 1];
            return before == '"' || before == '\'';
        }

        /**
         * Whether an assignment's value may go: not {@code __all__}, not {@code _import_structure} or
         * {@code _SUBMOD_ATTRS}, no define_import_structure, no {@code submod_attrs=} argument.
         */
        private boolean valueMayGo(int wordStart, int wordEnd, int lineStart, int lineEnd) {
            if (wordIs(wordStart, wordEnd, "__all__") || wordIs(wordStart, wordEnd, "_import_structure")
                    || wordIs(wordStart, wordEnd, "_SUBMOD_ATTRS")) return false;
            for (String kw : KEYWORDS) {
                if (wordIs(wordStart, wordEnd, kw)) return false;
            }
            return !containsAt(lineStart, lineEnd, DEFINE_IMPORT_STRUCTURE) && !containsAt(lineStart, lineEnd, SUBMOD_ATTRS);
        }

        private static final String[] KEYWORDS = {"del", "return", "assert", "raise", "import", "from", "global",
                "nonlocal", "pass", "break", "continue", "yield", "await", "if", "for", "while", "with", "try",
                "class", "def", "async", "print", "exec"};

        /** A plain '=' (not ==, !=, <=, >=, +=, :=, ...). */
        private boolean isAssignment(int at) {
            if (at + 1 < n && src[at + 1] == '=') return false;
            if (at == 0) return false;
            byte p = src[at - 1];
            return "=!<>+-*/%&|^:@".indexOf(p) < 0;
        }

        /** Sorts this line's cuts and drops those inside another (a string inside a cut value). */
        private void normalizeCuts(int from) {
            if (cutCount - from < 2) return;
            Arrays.sort(cuts, from, cutCount, (a, b) -> a.start() != b.start()
                    ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
            int kept = from;
            for (int i = from; i < cutCount; i++) {
                if (kept > from && cuts[i].start() < cuts[kept - 1].end()) continue;
                cuts[kept++] = cuts[i];
            }
            cutCount = kept;
        }

        private boolean containsAt(int from, int to, byte[] needle) {
            outer:
            for (int i = from; i + needle.length <= to; i++) {
                for (int k = 0; k < needle.length; k++) {
                    if (src[i + k] != needle[k]) continue outer;
                }
                return true;
            }
            return false;
        }

        private boolean isFormatted(int from, int to) {
            for (int i = from; i < to; i++) {
                int p = src[i] | 0x20;
                if (p == 'f' || p == 't') return true;
            }
            return false;
        }

        private boolean wordIs(int from, int to, String word) {
            if (to - from != word.length()) return false;
            for (int i = 0; i < word.length(); i++) {
                if (src[from + i] != word.charAt(i)) return false;
            }
            return true;
        }

        private boolean isStringPrefix(int from, int to) {
            int len = to - from;
            if (len > 3) return false;
            boolean r = false, b = false, u = false, f = false, t = false;
            for (int i = from; i < to; i++) {
                switch (src[i] | 0x20) {
                    case 'r' -> { if (r) return false; r = true; }
                    case 'b' -> { if (b) return false; b = true; }
                    case 'u' -> { if (u) return false; u = true; }
                    case 'f' -> { if (f) return false; f = true; }
                    case 't' -> { if (t) return false; t = true; }
                    default -> { return false; }
                }
            }
            if (u) return len == 1;
            int kinds = (b ? 1 : 0) + (f ? 1 : 0) + (t ? 1 : 0);
            return kinds <= 1;
        }

        private static boolean isWordStart(byte c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c < 0;
        }

        private static boolean isWordPart(byte c) {
            return isWordStart(c) || (c >= '0' && c <= '9');
        }

        /** Scans a string literal starting at the quote under {@code pos}; leaves pos after it. */
        private void string(boolean fstring) {
            byte q = src[pos];
            boolean triple = pos + 2 < n && src[pos + 1] == q && src[pos + 2] == q;
            pos += triple ? 3 : 1;
            int contentStart = pos;
            boolean multiRow = false;
            while (pos < n) {
                byte c = src[pos];
                if (c == '\\') {
                    if (pos + 1 < n && src[pos + 1] == '\n') multiRow = true;
                    if (pos + 2 < n && src[pos + 1] == '\r' && src[pos + 2] == '\n') {
                        multiRow = true;
                        pos += 3;
                    } else {
                        pos += 2;
                    }
                    continue;
                }
                if (c == q) {
                    if (!triple) {
                        pos++;
                        if (multiRow && fieldDepth == 0) addCut(contentStart, pos - 1, false);
                        return;
                    }
                    if (pos + 2 < n && src[pos + 1] == q && src[pos + 2] == q) {
                        pos += 3;
                        if (multiRow && fieldDepth == 0) addCut(contentStart, pos - 3, false);
                        return;
                    }
                    pos++;
                    continue;
                }
                if (c == '\n') {
                    if (!triple) {
                        failed = true; // unterminated single-quoted string: let tree-sitter judge the original
                        return;
                    }
                    multiRow = true;
                    pos++;
                    continue;
                }
                if (fstring && c == '{') {
                    if (pos + 1 < n && src[pos + 1] == '{') {
                        pos += 2;
                        continue;
                    }
                    pos++;
                    fieldDepth++;
                    replacementField(triple);
                    fieldDepth--;
                    if (failed) return;
                    continue;
                }
                pos++;
            }
            failed = true; // end of file inside a string
        }

        /**
         * The expression part of an f-string replacement field, after its '{': brackets, nested
         * strings (any quote, as PEP 701 allows), a conversion and a format spec with nested fields.
         */
        private void replacementField(boolean triple) {
            int depth = 0;
            while (pos < n) {
                byte c = src[pos];
                if (c == '\n' && !triple && depth == 0) {
                    failed = true;
                    return;
                }
                if (c == '}' && depth == 0) {
                    pos++;
                    return;
                }
                if (c == ':' && depth == 0) {
                    pos++;
                    formatSpec(triple);
                    return;
                }
                if (c == '"' || c == '\'') {
                    string(false);
                    if (failed) return;
                    continue;
                }
                if (isWordStart(c)) {
                    int w = pos;
                    while (pos < n && isWordPart(src[pos])) pos++;
                    if (pos < n && (src[pos] == '"' || src[pos] == '\'') && isStringPrefix(w, pos)) {
                        string(isFormatted(w, pos));
                        if (failed) return;
                    }
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                pos++;
            }
            failed = true;
        }

        /** A format spec: literal text up to the field's '}', with nested replacement fields. */
        private void formatSpec(boolean triple) {
            while (pos < n) {
                byte c = src[pos];
                if (c == '}') {
                    pos++;
                    return;
                }
                if (c == '{') {
                    pos++;
                    replacementField(triple);
                    if (failed) return;
                    continue;
                }
                if (c == '\n' && !triple) {
                    failed = true;
                    return;
                }
                pos++;
            }
            failed = true;
        }

        SourceSkeleton emit() {
            Emitter e = new Emitter(src, rowStarts());
            int cut = 0;
            int i = 0;
            int[] chunkStart = new int[16];
            int[] chunkRow = new int[16];
            int chunks = 0;
            Kind previousTop = null;
            while (i < lineCount) {
                LogicalLine l = lines[i];
                if (l.indent == 0) {
                    boolean starts = switch (l.kind) {
                        case CLAUSE -> previousTop == null;
                        case SIMPLE -> previousTop != Kind.SIMPLE && previousTop != Kind.DECORATOR;
                        case COMPOUND_HEADER, DECORATOR -> previousTop != Kind.DECORATOR;
                    };
                    if (starts) {
                        if (chunks == chunkStart.length) {
                            chunkStart = Arrays.copyOf(chunkStart, chunks * 2);
                            chunkRow = Arrays.copyOf(chunkRow, chunks * 2);
                        }
                        chunkStart[chunks] = e.out.size();
                        chunkRow[chunks++] = e.rows;
                    }
                    previousTop = l.kind;
                }
                // the logical line itself, minus its cuts
                e.beginLine(l.start, l.indentEnd);
                int from = l.start;
                while (cut < cutCount && cuts[cut].start() < l.start) cut++;
                while (cut < cutCount && cuts[cut].end() <= l.end) {
                    Cut c = cuts[cut++];
                    e.copy(from, c.start());
                    if (c.ellipsis()) e.literal(c.start(), "...");
                    from = c.end();
                }
                e.copy(from, l.end);
                e.endRow();
                i++;
                if (l.defBlockHeader && i < lineCount && lines[i].indent > l.indent) {
                    LogicalLine first = lines[i];
                    while (i < lineCount && lines[i].indent > l.indent) i++;
                    e.placeholder(first.start, first.indentEnd);
                }
            }
            byte[] bytes = e.out.toByteArray();
            int[] map = e.rows == 0 ? new int[] {0} : e.rowMap();
            Chunk[] out = new Chunk[chunks];
            for (int k = 0; k < chunks; k++) {
                out[k] = new Chunk(chunkStart[k], k + 1 < chunks ? chunkStart[k + 1] : bytes.length, chunkRow[k]);
            }
            return new SourceSkeleton(bytes, map, bytes.length != n, out);
        }

        private int[] rowStarts() {
            int count = 1;
            for (int p = 0; p < n; p++) if (src[p] == '\n') count++;
            int[] starts = new int[count];
            int r = 1;
            for (int p = 0; p < n; p++) if (src[p] == '\n') starts[r++] = p + 1;
            return starts;
        }
    }

    /** Writes kept bytes and remembers, for each row it starts, the original row of its first byte. */
    private static final class Emitter {
        final byte[] src;
        final int[] rowStarts;
        final ByteArrayOutputStream out;
        int[] map = new int[0];
        int rows;
        boolean atRowStart = true;

        Emitter(byte[] src, int[] rowStarts) {
            this.src = src;
            this.rowStarts = rowStarts;
            this.out = new ByteArrayOutputStream(src.length / 4 + 16);
        }

        /** The current logical line's own indentation: [indentFrom, indentTo) of src. */
        private int indentFrom;
        private int indentTo;

        void beginLine(int lineStart, int indentEnd) {
            indentFrom = lineStart;
            indentTo = indentEnd;
        }

        /**
         * Copies part of one logical line. A row that continues the line (inside brackets, after a
         * backslash) gets the line's own indentation instead of its deeper one: the extra spaces
         * mean nothing there and cost tree-sitter time. (Less than the line's own indentation
         * would be read as a dedent by tree-sitter-python's scanner.)
         */
        void copy(int from, int to) {
            int p = from;
            while (p < to) {
                if (atRowStart) {
                    startRow(rowOf(p));
                }
                int nl = p;
                while (nl < to && src[nl] != '\n') nl++;
                if (nl == to) {
                    out.write(src, p, to - p);
                    return;
                }
                out.write(src, p, nl + 1 - p);
                atRowStart = true;
                p = nl + 1;
                if (p < to) {
                    while (p < to && (src[p] == ' ' || src[p] == '\t' || src[p] == '\f')) p++;
                    if (p < to) {
                        startRow(rowOf(p));
                        out.write(src, indentFrom, indentTo - indentFrom);
                    }
                }
            }
        }

        /** Text that stands for what a cut starting at {@code at} removed; it continues the current row. */
        void literal(int at, String s) {
            if (atRowStart) {
                startRow(rowOf(at));
                out.write(src, indentFrom, indentTo - indentFrom);
            }
            for (int k = 0; k < s.length(); k++) out.write(s.charAt(k));
        }

        /** Ends the current row (a last line without a newline gets one). */
        void endRow() {
            if (!atRowStart) {
                out.write('\n');
                atRowStart = true;
            }
        }

        /** {@code ...} in place of a function body, indented as its first line, on that line's row. */
        void placeholder(int lineStart, int indentEnd) {
            startRow(rowOf(lineStart));
            out.write(src, lineStart, indentEnd - lineStart);
            out.write('.');
            out.write('.');
            out.write('.');
            out.write('\n');
            atRowStart = true;
        }

        private void startRow(int originalRow) {
            if (rows == map.length) map = Arrays.copyOf(map, Math.max(64, rows * 2));
            map[rows++] = originalRow;
            atRowStart = false;
        }

        int[] rowMap() {
            return Arrays.copyOf(map, rows);
        }

        private int rowOf(int offset) {
            int i = Arrays.binarySearch(rowStarts, offset);
            return i >= 0 ? i : -i - 2;
        }
    }
}
