package dev.leadflow.capture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheme, host and port of an http(s) address, as origins and redirect targets are compared: lower-case, the
 * scheme's default port left out. A pattern host {@code *.example.com} stands for every subdomain of example.com.
 */
record SiteAddress(String scheme, String host, int port) {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    /** A DNS name (IDNs in their xn-- form) or an IPv4 address, optionally with a leading {@code *.} wildcard. */
    static final Pattern HOST_PATTERN = Pattern.compile("(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*");
    private static final String WILDCARD = "*.";

    /** The address of an absolute http(s) URI without user info; empty for anything else. */
    static Optional<SiteAddress> of(URI uri, boolean wildcardAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // A wildcard host is no valid URI host, so it is read from the authority.
        String authority = uri.getRawAuthority();
        if (!(scheme.equals("http") || scheme.equals("https")) || authority == null || authority.contains("@")) {
            return Optional.empty();
        }
        int colon = authority.lastIndexOf(':');
        String host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
        int port = colon < 0 ? defaultPort(scheme) : port(authority.substring(colon + 1));
        if (port < 1 || !HOST_PATTERN.matcher(host).matches() || (!wildcardAllowed && host.startsWith(WILDCARD))) {
            return Optional.empty();
        }
        return Optional.of(new SiteAddress(scheme, host, port));
    }

    static Optional<SiteAddress> parse(String address, boolean wildcardAllowed) {
        try {
            return of(new URI(address), wildcardAllowed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** True when {@code host} is this pattern's host, or one of its subdomains for a {@code *.} pattern. */
    static boolean hostMatches(String pattern, String host) {
        return pattern.startsWith(WILDCARD) ? host.endsWith(pattern.substring(1)) : pattern.equals(host);
    }

    /** True when {@code address} (never a pattern) is this one or, for a pattern, one it stands for. */
    boolean covers(SiteAddress address) {
        return scheme.equals(address.scheme) && port == address.port && hostMatches(host, address.host);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static int port(String digits) {
        if (!digits.matches("[0-9]{1,5}")) {
            return -1;
        }
        int port = Integer.parseInt(digits);
        return port <= 65_535 ? port : -1;
    }
}
