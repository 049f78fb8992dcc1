package dev.leadflow.capture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a form may send the browser after a submission: a host ({@code www.example.com}, any path on it over http or
 * https), every subdomain of one ({@code *.example.com}), or a URL prefix ({@code https://www.example.com/thanks}:
 * that scheme, host and port, and a path starting with that path).
 */
final class AllowedRedirects {

    private AllowedRedirects() {
    }

    /** The normalised form of an allowed-redirect entry; empty when it is neither a host nor an http(s) URL. */
    static Optional<String> normalise(String entry) {
        if (!entry.contains("://")) {
            String host = entry.toLowerCase(Locale.ROOT);
            return SiteAddress.HOST_PATTERN.matcher(host).matches() ? Optional.of(host) : Optional.empty();
        }
        return prefix(entry, true).map(Prefix::toString);
    }

    /** True when {@code url}, an absolute http(s) URL, lies within one of {@code allowed} (normalised entries). */
    static boolean allows(List<String> allowed, String url) {
        Optional<Prefix> target = prefix(url, false);
        return target.isPresent() && allowed.stream().anyMatch(entry -> entry.contains("://")
                ? target.get().startsWith(prefix(entry, true).orElseThrow())
                : SiteAddress.hostMatches(entry, target.get().site().host()));
    }

    private static Optional<Prefix> prefix(String url, boolean isEntry) {
        try {
            URI uri = new URI(url);
            if (isEntry && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return SiteAddress.of(uri, false).map(site -> new Prefix(site, path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private record Prefix(SiteAddress site, String path) {

        boolean startsWith(Prefix allowed) {
            return site.equals(allowed.site) && path.startsWith(allowed.path);
        }

        @Override
        public String toString() {
            return site + path;
        }
    }
}
