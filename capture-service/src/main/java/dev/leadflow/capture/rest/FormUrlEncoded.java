package dev.leadflow.capture.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an {@code application/x-www-form-urlencoded} body (UTF-8), as a browser posts a plain HTML form. */
public final class FormUrlEncoded {

    private FormUrlEncoded() {
    }

    /**
     * The fields of {@code body}. A repeated field keeps its last value, so the common pattern of a hidden
     * {@code consentMarketing=false} followed by a checkbox sending {@code on} reads as checked.
     *
     * @throws IllegalArgumentException on malformed percent-encoding
     */
    public static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
            fields.put(name, value);
        }
        return fields;
    }

    private static String decodeComponent(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
