package dev.leadflow.scoring.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** A marketing interaction of a lead, as engagement rules see it. {@code url} may be null. */
public record Touchpoint(String type, String url, Instant occurredAt) {

    public Touchpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The touchpoint as shown in a reason: its type and its URL without query or fragment (they may hold PII). */
    public String evidence() {
        return url == null ? type : type + " " + withoutQuery(url);
    }

    private static String withoutQuery(String url) {
        int end = url.length();
        for (char separator : new char[] {'?', '#'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String shown = url.substring(0, end);
        try {
            URI uri = URI.create(shown);
            return uri.getHost() == null ? shown : uri.getHost() + uri.getRawPath();
        } catch (IllegalArgumentException notAUri) {
            return shown;
        }
    }
}
