package dev.leadflow.capture.abuse;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the address of the client behind trusted reverse proxies. Forwarding headers are honoured only from a
 * trusted peer, and read from the right: each proxy appends the address it received the request from, so the
 * rightmost address that is not a trusted proxy is the client. Everything left of it was written by the client
 * itself and may be forged (Quarkus's own {@code quarkus.http.proxy.*} takes the leftmost one, which is why this
 * resolver exists).
 */
public final class ClientAddressResolver {

    /** The forwarding header the trusted proxies write. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1, proxy2}. */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** RFC 7239 {@code Forwarded: for=client, for="[2001:db8::1]:4711"}. */
        FORWARDED("Forwarded");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    private final List<AddressRange> trustedProxies;
    private final Header header;

    /**
     * @throws IllegalArgumentException when an entry of {@code trustedProxies} is no IP address or CIDR block
     */
    public ClientAddressResolver(List<String> trustedProxies, Header header) {
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
        this.header = header;
    }

    public Header header() {
        return header;
    }

    /**
     * @param peer         the address the connection came from
     * @param headerValues every value of the configured forwarding header, in the order received
     */
    public InetAddress resolve(InetAddress peer, List<String> headerValues) {
        InetAddress client = peer;
        if (!isTrusted(peer)) {
            return client;
        }
        List<String> nodes = nodes(headerValues);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parseNode(nodes.get(i));
            if (hop.isEmpty()) {
                return client; // "unknown", an obfuscated or forged entry: the last proxy stands for its client
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    /**
     * The rate-limit budget an address counts against: an IPv4 address itself; for IPv6 its /64 network, which a
     * single subscriber usually holds whole (so rotating addresses within it gains nothing).
     */
    public static String budgetKey(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private List<String> nodes(List<String> headerValues) {
        List<String> nodes = new ArrayList<>();
        for (String value : headerValues) {
            for (String element : value.split(",")) {
                if (header == Header.X_FORWARDED_FOR) {
                    nodes.add(element);
                } else {
                    nodes.add(forwardedFor(element));
                }
            }
        }
        return nodes;
    }

    /** The {@code for} parameter of one {@code Forwarded} element; empty (unparseable) when it has none. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(equals + 1);
            }
        }
        return "";
    }
}
