package dev.leadflow.capture.abuse;

import java.net.InetAddress;

/** An IP address or CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1}). */
record AddressRange(byte[] network, int prefixLength) {

    /**
     * @throws IllegalArgumentException when {@code text} is no address literal or CIDR block
     */
    static AddressRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + text));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
            }
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit += 8) {
            int remaining = Math.min(8, prefixLength - bit);
            int mask = (0xFF << (8 - remaining)) & 0xFF;
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
