package dev.fitcheck.manifest;

import dev.fitcheck.evidence.InputError;
import dev.fitcheck.evidence.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A manifest's text: UTF-8 (a byte-order mark dropped), Latin-1 when it is not UTF-8, as pip falls back to the locale. */
final class ManifestText {

    private ManifestText() {
    }

    /**
     * @param includedFrom the line that named the file, for the error when it is missing; null for
     *                     the manifest the user gave
     */
    static String read(Path file, SourceLocation includedFrom, String includedAs) {
        if (!Files.isRegularFile(file)) {
            if (includedFrom != null) {
                throw new InputError(includedFrom, "included file \"" + includedAs + "\" does not exist (looked for "
                        + file.toString().replace('\\', '/') + ")");
            }
            throw new InputError(SourceLocation.wholeFile(file), Files.isDirectory(file)
                    ? "is a directory, expected a manifest file" : "manifest file does not exist");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputError(includedFrom != null ? includedFrom : SourceLocation.wholeFile(file),
                    "cannot read " + file + ": " + e.getMessage(), e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** The lines of {@code text}, without their terminators ({@code \n}, {@code \r\n} or {@code \r}). */
    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
