package dev.leadflow.scoring.model;

import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A marketing interaction of a lead, as engagement rules see it. {@code id}, {@code url}, {@code campaign} and
 * {@code utm} may be null.
 */
public record Touchpoint(UUID id, String type, String url, String campaign, Utm utm, Instant occurredAt) {

    private static final Utm NO_UTM = new Utm(null, null, null, null, null);

    public Touchpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        utm = utm == null ? NO_UTM : utm;
    }

    /** A touchpoint known by its type, URL and time only (a draft, a benchmark). */
    public Touchpoint(String type, String url, Instant occurredAt) {
        this(null, type, url, null, null, occurredAt);
    }

    /** The URL as a reason may show it: without query or fragment (they may hold PII); null without URL. */
    public String shownUrl() {
        return url == null ? null : withoutQuery(url);
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
        // Plain string work instead of java.net.URI: this runs for every touchpoint of every explained score.
        int scheme = shown.indexOf("://");
        if (scheme < 0) {
            return shown;
        }
        String rest = shown.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        // user:password@ may hold personal data; a port says nothing about the lead.
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port > host.lastIndexOf(']')) {
            host = host.substring(0, port);
        }
        return host + (slash < 0 ? "" : rest.substring(slash));
    }
}
