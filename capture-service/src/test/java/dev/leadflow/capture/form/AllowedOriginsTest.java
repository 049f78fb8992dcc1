package dev.leadflow.capture.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.example.com, https://www.example.com",
            "HTTPS://WWW.Example.COM, https://www.example.com",
            "https://www.example.com/, https://www.example.com",
            "https://www.example.com:443, https://www.example.com",
            "http://www.example.com:80, http://www.example.com",
            "http://localhost:3000, http://localhost:3000",
            "https://*.example.com, https://*.example.com",
            "http://127.0.0.1:8080, http://127.0.0.1:8080"})
    void normalisesOrigins(String entry, String normalised) {
        assertThat(AllowedOrigins.normalise(entry)).hasValue(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "ftp://www.example.com", "https://www.example.com/path",
            "https://www.example.com?x=1", "https://www.example.com#top", "https://user@www.example.com",
            "https://www.example.com:0", "https://www.example.com:99999", "https://exa mple.com", "https://*",
            "https://www.*.com", "null", "https://", "https://[::1]"})
    void refusesWhatIsNoOrigin(String entry) {
        assertThat(AllowedOrigins.normalise(entry)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.example.com, true",
            "https://WWW.EXAMPLE.COM, true",
            "https://www.example.com:443, true",
            "http://www.example.com, false",
            "https://www.example.com:8443, false",
            "https://www.example.com.evil.net, false",
            "https://evilwww.example.com, false",
            "https://shop.example.org, true",
            "https://a.b.example.org, true",
            "https://example.org, false",
            "https://notexample.org, false",
            "null, false",
            "https://*.example.org, false",
            "not an origin, false"})
    void allowsListedOriginsAndSubdomainsOfWildcards(String origin, boolean allowed) {
        List<String> list = List.of("https://www.example.com", "https://*.example.org");

        assertThat(AllowedOrigins.allows(list, origin)).isEqualTo(allowed);
    }
}
