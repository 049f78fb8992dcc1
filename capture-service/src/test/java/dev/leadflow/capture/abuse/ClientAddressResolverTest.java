package dev.leadflow.capture.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.capture.abuse.ClientAddressResolver.Header;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static final List<String> PROXIES = List.of("10.0.0.0/8", "192.0.2.10", "2001:db8:ffff::/48");
    private final ClientAddressResolver xff = new ClientAddressResolver(PROXIES, Header.X_FORWARDED_FOR);
    private final ClientAddressResolver forwarded = new ClientAddressResolver(PROXIES, Header.FORWARDED);

    @Test
    void ignoresTheHeaderFromAnUntrustedPeer() {
        assertThat(xff.resolve(ip("203.0.113.5"), List.of("198.51.100.1"))).isEqualTo(ip("203.0.113.5"));
    }

    @Test
    void ignoresTheHeaderWhenNoProxyIsTrusted() {
        ClientAddressResolver none = new ClientAddressResolver(List.of(), Header.X_FORWARDED_FOR);
        assertThat(none.resolve(ip("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void takesTheForwardedAddressFromATrustedPeer() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo(ip("198.51.100.1"));
        assertThat(xff.resolve(ip("192.0.2.10"), List.of(" 198.51.100.1 "))).isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void takesTheRightmostUntrustedAddressSoAForgedLeftPartChangesNothing() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("1.1.1.1, 198.51.100.1"))).isEqualTo(ip("198.51.100.1"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("9.9.9.9, 8.8.8.8, 198.51.100.1, 10.0.0.7")))
                .isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void readsRepeatedHeaderLinesAsOneList() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("1.1.1.1", "198.51.100.1", "10.9.9.9")))
                .isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void fallsBackToTheLastTrustedProxyWhenTheChainHoldsNoAddressItCanRead() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("unknown"))).isEqualTo(ip("10.1.2.3"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("198.51.100.1, evil.example.com, 10.0.0.9")))
                .isEqualTo(ip("10.0.0.9"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of(""))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void takesTheLeftmostAddressWhenEveryHopIsATrustedProxy() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("10.0.0.1, 10.0.0.2"))).isEqualTo(ip("10.0.0.1"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of())).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void readsPortsAndIpv6InXForwardedFor() {
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("198.51.100.1:4711"))).isEqualTo(ip("198.51.100.1"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("2001:db8::1"))).isEqualTo(ip("2001:db8::1"));
        assertThat(xff.resolve(ip("10.1.2.3"), List.of("[2001:db8::1]:4711"))).isEqualTo(ip("2001:db8::1"));
        assertThat(xff.resolve(ip("2001:db8:ffff::5"), List.of("198.51.100.1"))).isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void readsTheForParameterOfRfc7239Forwarded() {
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("for=198.51.100.1;proto=https;by=10.1.2.3")))
                .isEqualTo(ip("198.51.100.1"));
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("For=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo(ip("2001:db8:cafe::17"));
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("for=1.1.1.1, for=198.51.100.1", "for=10.0.0.4")))
                .isEqualTo(ip("198.51.100.1"));
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("for=_hidden"))).isEqualTo(ip("10.1.2.3"));
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("proto=https"))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void ignoresXForwardedForWhenConfiguredForForwarded() {
        // The resolver only ever sees the configured header's values: the other header is not even read.
        assertThat(forwarded.resolve(ip("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void refusesATrustedProxyEntryThatIsNoAddressOrBlock() {
        for (String bad : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "300.1.1.1", "")) {
            assertThatThrownBy(() -> new ClientAddressResolver(List.of(bad), Header.X_FORWARDED_FOR))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void matchesCidrBlocksBitByBit() {
        ClientAddressResolver odd = new ClientAddressResolver(List.of("198.51.100.128/25", "::1"),
                Header.X_FORWARDED_FOR);
        assertThat(odd.resolve(ip("198.51.100.200"), List.of("203.0.113.1"))).isEqualTo(ip("203.0.113.1"));
        assertThat(odd.resolve(ip("198.51.100.127"), List.of("203.0.113.1"))).isEqualTo(ip("198.51.100.127"));
        assertThat(odd.resolve(ip("::1"), List.of("203.0.113.1"))).isEqualTo(ip("203.0.113.1"));
        assertThat(odd.resolve(ip("127.0.0.1"), List.of("203.0.113.1"))).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void countsIpv4ByAddressAndIpv6ByItsSlash64() {
        assertThat(ClientAddressResolver.budgetKey(ip("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(ClientAddressResolver.budgetKey(ip("2001:db8:1:2:aaaa::1")))
                .isEqualTo(ClientAddressResolver.budgetKey(ip("2001:db8:1:2:bbbb::2")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddressResolver.budgetKey(ip("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(ClientAddressResolver.budgetKey(ip("::ffff:198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void parsesOnlyAddressLiteralsNeverHostNames() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("example.com")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("01.2.3.4")).isEmpty();
        assertThat(IpAddresses.parse("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3.4\n")).isEmpty();
        assertThat(IpAddresses.parse("fe80::1%eth0")).isEmpty();
        assertThat(IpAddresses.parse(":::")).isEmpty();
        assertThat(IpAddresses.parse(null)).isEmpty();
        assertThat(IpAddresses.parse("0.0.0.0")).contains(ip("0.0.0.0"));
        assertThat(IpAddresses.parse("::")).contains(ip("::"));
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }
}
