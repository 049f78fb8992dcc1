package dev.leadflow.capture.validation;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Normalisation every submitted text goes through before any rule looks at it. */
public final class Text {

    // Line breaks and tabs become spaces (a pasted "Acme\nInc" stays readable); other control characters go.
    private static final Pattern WHITESPACE_CONTROLS = Pattern.compile("[\\t\\n\\r\\u000B\\f]");
    private static final Pattern OTHER_CONTROLS = Pattern.compile("\\p{Cc}");
    // String.strip() keeps no-break spaces (U+00A0), which pasted text often carries.
    private static final Pattern EDGE_SPACES = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    private Text() {
    }

    /**
     * NFC-normalised, control characters stripped, trimmed (Unicode spaces included); {@code null} when
     * nothing is left.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = WHITESPACE_CONTROLS.matcher(text).replaceAll(" ");
        text = OTHER_CONTROLS.matcher(text).replaceAll("");
        text = EDGE_SPACES.matcher(text).replaceAll("");
        return text.isEmpty() ? null : text;
    }

    /** Length in Unicode code points, so an emoji counts as one character, as a user would count it. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
