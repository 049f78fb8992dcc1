package dev.leadflow.scoring.modelstore;

import java.util.Locale;

/** How a scoring model document is written: YAML (the file format) or JSON (the same structure). */
public enum ModelFormat {
    YAML,
    JSON;

    /** The format's name as stored: {@code yaml} or {@code json}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ModelFormat byKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
