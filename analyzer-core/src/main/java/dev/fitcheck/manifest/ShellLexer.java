package dev.fitcheck.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into words the way a POSIX shell (or Python's {@code shlex.split}) would:
 * quotes removed, backslash escapes applied. In script mode it also knows comments, line
 * continuations, the operators that separate commands ({@code && || ; | &} and parentheses),
 * redirections, and here-documents, whose bodies are skipped.
 *
 * <p>Nothing is expanded: a word that holds {@code $VAR}, {@code ${VAR}}, {@code $(...)} or a
 * backquote keeps that text and is marked {@link Token#dynamic() dynamic}.
 */
final class ShellLexer {

    enum Type { WORD, OPERATOR, NEWLINE }

    /** One token; {@code offset} is where it starts in the text, for its line number. */
    record Token(Type type, String text, int offset, boolean dynamic) {
    }

    private static final String[] OPERATORS = {"&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "&>", ">|", ";", "&",
        "|", "(", ")", "<", ">"};

    private final String text;
    private final boolean script;
    private final List<Token> tokens = new ArrayList<>();
    private final List<String[]> pendingHeredocs = new ArrayList<>();
    private int i;

    private ShellLexer(String text, boolean script) {
        this.text = text;
        this.script = script;
    }

    /** A whole script: words, operators and newlines. */
    static List<Token> script(String text) {
        ShellLexer l = new ShellLexer(text, true);
        l.run();
        return l.tokens;
    }

    /** {@code shlex.split(text)}: words only; {@code #}, {@code ;} and the like are ordinary characters. */
    static List<String> words(String text) {
        ShellLexer l = new ShellLexer(text, false);
        l.run();
        List<String> out = new ArrayList<>();
        for (Token t : l.tokens) {
            out.add(t.text());
        }
        return out;
    }

    private void run() {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (script && c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\n') {
                if (script) {
                    tokens.add(new Token(Type.NEWLINE, "\n", i, false));
                }
                i++;
                skipHeredocBodies();
            } else if (c == ' ' || c == '\t' || c == '\r' || (!script && Character.isWhitespace(c))) {
                i++;
            } else if (script && c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (script && operatorAt(i) != null) {
                String op = operatorAt(i);
                tokens.add(new Token(Type.OPERATOR, op, i, false));
                i += op.length();
                if (op.startsWith("<<")) {
                    readHeredocDelimiter(op.equals("<<-"));
                }
            } else {
                word();
            }
        }
    }

    private void word() {
        int n = text.length();
        int start = i;
        StringBuilder b = new StringBuilder();
        boolean dynamic = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    b.append(c);
                    i++;
                } else if (text.charAt(i + 1) == '\n') {
                    i += 2;
                } else {
                    b.append(text.charAt(i + 1));
                    i += 2;
                }
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                b.append(text, i + 1, end);
                i = Math.min(n, end + 1);
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    String escapable = script ? "$`\"\\\n" : "\"\\";
                    if (d == '\\' && i + 1 < n && escapable.indexOf(text.charAt(i + 1)) >= 0) {
                        if (text.charAt(i + 1) != '\n') {
                            b.append(text.charAt(i + 1));
                        }
                        i += 2;
                    } else if (script && (d == '$' || d == '`')) {
                        dynamic |= expansion(b);
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                i = Math.min(n, i + 1);
            } else if (script && (c == '$' || c == '`')) {
                dynamic |= expansion(b);
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (!script && Character.isWhitespace(c))
                    || (script && operatorAt(i) != null)) {
                break;
            } else {
                b.append(c);
                i++;
            }
        }
        tokens.add(new Token(Type.WORD, b.toString(), start, dynamic));
    }

    /** Copies a {@code $...} or backquote expansion as written; true when it really is one. */
    private boolean expansion(StringBuilder b) {
        int n = text.length();
        int start = i;
        char c = text.charAt(i);
        if (c == '`') {
            int end = i + 1;
            while (end < n && text.charAt(end) != '`') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            i = Math.min(n, end + 1);
        } else if (i + 1 < n && text.charAt(i + 1) == '(') {
            int depth = 0;
            int end = i + 1;
            while (end < n) {
                char d = text.charAt(end);
                if (d == '(') {
                    depth++;
                } else if (d == ')' && --depth == 0) {
                    break;
                } else if (d == '\'' || d == '"') {
                    int close = text.indexOf(d, end + 1);
                    end = close < 0 ? n - 1 : close;
                }
                end++;
            }
            i = Math.min(n, end + 1);
        } else if (i + 1 < n && text.charAt(i + 1) == '{') {
            int end = text.indexOf('}', i + 2);
            i = end < 0 ? n : end + 1;
        } else if (i + 1 < n && (Character.isLetterOrDigit(text.charAt(i + 1)) || "_@*#?$!-".indexOf(text.charAt(i + 1)) >= 0)) {
            int end = i + 2;
            if (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_') {
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
            }
            i = end;
        } else {
            b.append(c);
            i++;
            return false;
        }
        b.append(text, start, i);
        return true;
    }

    private String operatorAt(int p) {
        char c = text.charAt(p);
        if (";&|()<>".indexOf(c) < 0) {
            return null;
        }
        for (String op : OPERATORS) {
            if (text.startsWith(op, p)) {
                return op;
            }
        }
        return null;
    }

    private void readHeredocDelimiter(boolean stripTabs) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) == '\n') {
            return;
        }
        int before = tokens.size();
        word();
        Token delimiter = tokens.remove(before);
        pendingHeredocs.add(new String[] {delimiter.text(), stripTabs ? "-" : ""});
    }

    /** After a newline: skips the bodies of the here-documents opened on the line just ended. */
    private void skipHeredocBodies() {
        for (String[] heredoc : pendingHeredocs) {
            while (i < text.length()) {
                int eol = text.indexOf('\n', i);
                int end = eol < 0 ? text.length() : eol;
                String line = text.substring(i, end);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (!heredoc[1].isEmpty()) {
                    line = line.replaceFirst("^\t+", "");
                }
                i = eol < 0 ? text.length() : eol + 1;
                if (line.equals(heredoc[0])) {
                    break;
                }
            }
        }
        pendingHeredocs.clear();
    }
}
