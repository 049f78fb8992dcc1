package dev.leadflow.routing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlsTest {

    private static final EndpointUrls DEFAULTS = new EndpointUrls(List.of("localhost", "127.0.0.1"));

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.com/hooks/leadflow", "https://crm.example.com:8443/h?token=abc",
            "HTTPS://CRM.EXAMPLE.COM/h", "https://93.184.216.34/h", "https://[2606:2800:220:1::248]/h"})
    void acceptsHttpsToPublicHosts(String url) {
        assertThat(DEFAULTS.check(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/h", "http://127.0.0.1:9000/h", "https://localhost/h",
            "http://LOCALHOST./h"})
    void acceptsPlainHttpAndLoopbackForTheInternalHosts(String url) {
        assertThat(DEFAULTS.check(url)).isEmpty();
    }

    @Test
    void refusesPlainHttpToOtherHosts() {
        assertThat(DEFAULTS.check("http://crm.example.com/h")).map(EndpointUrls.Problem::rule).contains("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/h", "https://172.16.0.1/h", "https://172.31.255.255/h",
            "https://192.168.1.10/h", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/h",
            "https://127.0.0.2/h", "https://0.0.0.0/h", "https://224.0.0.1/h", "https://255.255.255.255/h",
            "https://198.18.0.1/h", "https://192.0.0.8/h", "https://[::1]/h", "https://[::]/h", "https://[fe80::1]/h",
            "https://[fc00::1]/h", "https://[fd12:3456::1]/h", "https://[::ffff:10.0.0.1]/h",
            "https://[::ffff:169.254.169.254]/h", "https://[ff02::1]/h", "https://localhost.localhost/h",
            "https://api.localhost/h"})
    void refusesNonPublicAddressesAndLocalhostNamesUnlessAllowed(String url) {
        assertThat(DEFAULTS.check(url)).map(EndpointUrls.Problem::rule).contains("public-address");
    }

    @Test
    void allowsAConfiguredInternalAddress() {
        EndpointUrls urls = new EndpointUrls(List.of("10.0.0.5", "crm.internal"));
        assertThat(urls.check("http://10.0.0.5/h")).isEmpty();
        assertThat(urls.check("http://crm.internal/h")).isEmpty();
        assertThat(urls.check("https://10.0.0.6/h")).map(EndpointUrls.Problem::rule).contains("public-address");
        assertThat(urls.check("http://localhost/h")).map(EndpointUrls.Problem::rule).contains("https");
        assertThat(urls.check("https://localhost/h")).map(EndpointUrls.Problem::rule).contains("public-address");
    }

    @Test
    void withNoInternalHostsEvenLocalhostIsRefused() {
        EndpointUrls strict = new EndpointUrls(List.of());
        assertThat(strict.check("http://localhost/h")).map(EndpointUrls.Problem::rule).contains("https");
        assertThat(strict.check("https://127.0.0.1/h")).map(EndpointUrls.Problem::rule).contains("public-address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm.example.com/h", "/hooks", "ftp://crm.example.com/h", "mailto:ops@example.com",
            "https:///h", "https://crm example.com/h", "not a url", "javascript:alert(1)"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(DEFAULTS.check(url)).map(EndpointUrls.Problem::rule).contains("url");
    }

    @Test
    void refusesCredentialsFragmentsAndOverlongUrls() {
        assertThat(DEFAULTS.check("https://user:pw@crm.example.com/h")).map(EndpointUrls.Problem::rule)
                .contains("no-credentials");
        assertThat(DEFAULTS.check("https://crm.example.com/h#part")).map(EndpointUrls.Problem::rule)
                .contains("no-fragment");
        assertThat(DEFAULTS.check("https://crm.example.com/" + "a".repeat(2048))).map(EndpointUrls.Problem::rule)
                .contains("max-length");
    }

    @Test
    void judgesResolvedAddresses() throws Exception {
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("172.32.0.1"))).isTrue();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("10.1.2.3"))).isFalse();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(EndpointUrls.isPublic(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void matchesInternalHostsIgnoringCaseAndATrailingDot() {
        assertThat(DEFAULTS.allowsInternal("LocalHost")).isTrue();
        assertThat(DEFAULTS.allowsInternal("localhost.")).isTrue();
        assertThat(DEFAULTS.allowsInternal("127.0.0.1")).isTrue();
        assertThat(DEFAULTS.allowsInternal("crm.example.com")).isFalse();
    }
}
