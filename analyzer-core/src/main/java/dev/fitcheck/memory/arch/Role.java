package dev.fitcheck.memory.arch;

import java.util.Locale;

/** The part of a multimodal model a module belongs to; also the key of its config in fitcheck.yaml. */
public enum Role {
    LANGUAGE, VISION, AUDIO, PROJECTOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofKey(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "'; expected language, vision, audio or projector");
    }
}
