package dev.leadflow.capture.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Absolute http(s) URLs, as page URLs, referrers and redirect targets must be. */
public final class HttpUrl {

    public static final int MAX_LENGTH = 2048;

    private HttpUrl() {
    }

    /**
     * The host of an absolute {@code http} or {@code https} URL, lower-cased; empty for anything else, including
     * URLs with user info ({@code https://good.example@evil.example} misleads readers and may carry credentials).
     */
    public static Optional<String> host(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean isAbsoluteHttp(String url) {
        return host(url).isPresent();
    }
}
