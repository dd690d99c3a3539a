package dev.fitcheck.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python source as UTF-8 bytes, the only encoding tree-sitter is given: a PEP 263 coding
 * declaration other than UTF-8 is honoured, a byte-order mark dropped, and bytes that do not decode
 * are replaced with a warning rather than failing the whole module.
 */
record SourceText(byte[] utf8, List<String> warnings) {

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    static SourceText decode(byte[] raw, String file) {
        List<String> warnings = new ArrayList<>();
        byte[] bytes = raw;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        String declared = declaredEncoding(bytes);
        if (ascii && declared == null) {
            return new SourceText(bytes, warnings);
        }
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            Charset c = charsetFor(declared);
            if (c == null) {
                warnings.add(file + ":1: unknown coding declaration '" + declared + "'; read as UTF-8");
            } else {
                charset = c;
            }
        }
        if (ascii) {
            return new SourceText(bytes, warnings); // every encoding Python accepts for source is ASCII-compatible
        }
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
            if (charset.equals(StandardCharsets.UTF_8)) {
                return new SourceText(bytes, warnings);
            }
            return new SourceText(chars.toString().getBytes(StandardCharsets.UTF_8), warnings);
        } catch (CharacterCodingException e) {
            int line = lineOfFirstBadByte(bytes, charset);
            warnings.add(file + ":" + line + ": not valid " + charset.name()
                    + " (a source must be UTF-8 or declare its encoding); undecodable bytes were replaced");
            String lossy = new String(bytes, charset);
            return new SourceText(lossy.getBytes(StandardCharsets.UTF_8), warnings);
        }
    }

    /** The encoding a PEP 263 comment on line 1 or 2 declares, or null. */
    private static String declaredEncoding(byte[] bytes) {
        int end = 0;
        for (int line = 0; line < 2 && end < bytes.length; line++) {
            int start = end;
            while (end < bytes.length && bytes[end] != '\n') end++;
            String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            end++;
            Matcher m = CODING.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
                return null; // PEP 263: only a comment line may precede the declaration
            }
        }
        return null;
    }

    private static Charset charsetFor(String pythonName) {
        String n = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("utf-8") || n.equals("utf8") || n.startsWith("utf-8-")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("latin-1") || n.equals("latin1") || n.equals("l1") || n.startsWith("iso-8859-1-")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }
}
