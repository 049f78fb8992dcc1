package dev.leadflow.capture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** Origins ({@code https://www.example.com}, {@code https://*.example.com}) whose pages may post a form. */
final class AllowedOrigins {

    private AllowedOrigins() {
    }

    /** The normalised form of an allowed-origin entry: scheme, host (or {@code *.} pattern) and a non-default port. */
    static Optional<String> normalise(String entry) {
        try {
            URI uri = new URI(entry);
            String path = uri.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return SiteAddress.of(uri, true).map(SiteAddress::toString);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** True when the browser's {@code Origin} header names one of {@code allowed} (normalised entries). */
    static boolean allows(List<String> allowed, String origin) {
        Optional<SiteAddress> address = SiteAddress.parse(origin, false);
        return address.isPresent() && allowed.stream()
                .map(entry -> SiteAddress.parse(entry, true).orElseThrow())
                .anyMatch(entry -> entry.covers(address.get()));
    }
}
