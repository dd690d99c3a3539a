package dev.fitcheck.report;

/**
 * A fact with where it comes from, ready to print: {@code ==4.44.2} at
 * {@code Vidi_7B/requirements.txt:1}, {@code <4.48.0} because of {@code MistralFlashAttention2} at
 * {@code Vidi_7B/model/lmm/dattn/mistral.py:24}. Paths are relative to the workspace.
 */
public record Evidence(String claim, String because, String location) {

    public String sentence() {
        return claim + (because.isEmpty() ? "" : " (" + because + ")") + (location.isEmpty() ? "" : " at " + location);
    }
}
