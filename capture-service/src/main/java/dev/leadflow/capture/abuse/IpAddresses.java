package dev.leadflow.capture.abuse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals only. {@link InetAddress#getByName} alone would resolve anything else through DNS, and
 * these strings come from request headers.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {
    }

    /** The address {@code literal} denotes (IPv4 dotted quad or IPv6, without brackets, port or zone), if any. */
    static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            // A literal with a colon or a valid dotted quad never reaches DNS.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * A node of a forwarding chain as proxies write it: {@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code 2001:db8::1}, {@code [2001:db8::1]:4711}, optionally quoted ({@code Forwarded}).
     */
    static Optional<InetAddress> parseNode(String node) {
        String value = node.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? Optional.empty() : parse(value.substring(1, close));
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && colon == value.lastIndexOf(':')) {
            value = value.substring(0, colon); // IPv4 with a port; IPv6 has at least two colons
        }
        return parse(value);
    }
}
