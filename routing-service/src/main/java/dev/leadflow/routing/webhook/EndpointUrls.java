package dev.leadflow.routing.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which webhook URLs Leadflow may call, so an admin cannot turn the dispatcher against the internal network (SSRF).
 * A URL must be absolute {@code https} without credentials or fragment; plain {@code http}, and addresses that are
 * not public (loopback, private, link-local such as the cloud metadata service 169.254.169.254, shared, multicast,
 * unspecified), are allowed only for the configured {@code internalHosts} (exact host names or IP literals). IP
 * literals are checked here; host names are checked again by the dispatcher on every delivery, against the
 * addresses they resolve to. Pure: no DNS lookups here.
 */
public final class EndpointUrls {

    static final int MAX_LENGTH = 2048;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** One broken rule of the URL. */
    public record Problem(String rule, String message) {
    }

    private final Set<String> internalHosts;

    /** @param internalHosts hosts that may be reached over http and at non-public addresses (e.g. localhost) */
    public EndpointUrls(Iterable<String> internalHosts) {
        Set<String> hosts = new HashSet<>();
        internalHosts.forEach(host -> hosts.add(normalise(host)));
        this.internalHosts = Set.copyOf(hosts);
    }

    /** The first rule {@code url} breaks, if any. */
    public Optional<Problem> check(String url) {
        if (url.length() > MAX_LENGTH) {
            return problem("max-length", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return problem("url", "must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return problem("url", "must be an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return problem("no-credentials", "must not carry a user name or password; sign with the secret instead");
        }
        if (uri.getRawFragment() != null) {
            return problem("no-fragment", "must not have a #fragment");
        }
        String host = normalise(uri.getHost());
        boolean internalAllowed = internalHosts.contains(host);
        if (scheme.equals("http") && !internalAllowed) {
            return problem("https", "must use https (plain http only for " + allowedList() + ")");
        }
        if (!internalAllowed && (host.equals("localhost") || host.endsWith(".localhost"))) {
            return problem("public-address", "must not point at this machine (allowed: " + allowedList() + ")");
        }
        Optional<InetAddress> literal = literal(host);
        if (!internalAllowed && literal.isPresent() && !isPublic(literal.get())) {
            return problem("public-address", "must not be a loopback, private, link-local or other non-public "
                    + "address (allowed: " + allowedList() + ")");
        }
        return Optional.empty();
    }

    /** Whether {@code host} may be reached at non-public addresses. */
    public boolean allowsInternal(String host) {
        return internalHosts.contains(normalise(host));
    }

    /** Whether {@code address} is a public unicast address (not loopback, private, link-local, shared, ...). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                          // "this network"
                    && !(first == 100 && second >= 64 && second < 128)   // 100.64/10 shared (carrier-grade NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // 198.18/15 benchmarking
                    && first < 240;                                      // 240/4 reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                                // fc00::/7 unique local
                return false;
            }
            if (isMapped(b)) {                                           // ::ffff:a.b.c.d: judge the IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** The host as an IP address when it is an IP literal; never a DNS lookup. */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !(IPV4_LITERAL.matcher(host).matches()
                && Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255))) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, not resolved.
            return Optional.of(InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private String allowedList() {
        return internalHosts.isEmpty() ? "no host" : internalHosts.stream().sorted().collect(Collectors.joining(", "));
    }

    private static Optional<Problem> problem(String rule, String message) {
        return Optional.of(new Problem(rule, message));
    }
}
