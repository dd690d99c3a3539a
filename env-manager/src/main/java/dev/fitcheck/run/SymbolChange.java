package dev.fitcheck.run;

import java.util.Optional;

/**
 * Where a name exists across a distribution's releases: the first and last catalogued releases
 * that have it, the first release after it disappeared (if it did), and a sentence that says it
 * against the installed version ("MistralFlashAttention2 was removed from ... in 4.48.0; 4.57.6
 * is installed").
 */
public record SymbolChange(String distribution, String module, String name, Optional<String> firstPresent,
        Optional<String> lastPresent, Optional<String> removedIn, String sentence) {
}
