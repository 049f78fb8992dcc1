package dev.leadflow.capture.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedRedirectsTest {

    private static final List<String> ALLOWED = List.of("https://www.example.com/thanks", "go.example.net",
            "*.example.org", "http://localhost:8080/");

    @ParameterizedTest
    @CsvSource({
            "www.example.com, www.example.com",
            "WWW.Example.com, www.example.com",
            "*.example.com, *.example.com",
            "https://www.example.com/thanks, https://www.example.com/thanks",
            "HTTPS://WWW.EXAMPLE.COM:443/Thanks, https://www.example.com/Thanks",
            "https://www.example.com, https://www.example.com/",
            "http://localhost:8080, http://localhost:8080/"})
    void normalisesHostsAndUrlPrefixes(String entry, String normalised) {
        assertThat(AllowedRedirects.normalise(entry)).hasValue(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://www.example.com/", "https://www.example.com/thanks?x=1",
            "https://www.example.com/#top", "https://user@www.example.com/", "exa mple.com", "*.", "*",
            "www.example.com/thanks", "javascript://alert(1)", "https://*.example.com/"})
    void refusesWhatIsNeitherAHostNorAnHttpUrlPrefix(String entry) {
        assertThat(AllowedRedirects.normalise(entry)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.example.com/thanks, true",
            "https://www.example.com/thanks?lead=1, true",
            "https://www.example.com/thanks/again, true",
            "https://WWW.EXAMPLE.COM/thanks, true",
            "https://www.example.com:443/thanks, true",
            "https://www.example.com/, false",
            "https://www.example.com/other, false",
            "http://www.example.com/thanks, false",
            "https://www.example.com:8443/thanks, false",
            "https://www.example.com.evil.net/thanks, false",
            "https://evil.net/https://www.example.com/thanks, false",
            "https://go.example.net/anything?at=all, true",
            "http://go.example.net/, true",
            "https://evil-go.example.net/, false",
            "https://shop.example.org/x, true",
            "https://example.org/x, false",
            "http://localhost:8080/any, true",
            "http://localhost:9090/any, false"})
    void allowsUrlsWithinAListedHostOrPrefix(String url, boolean allowed) {
        assertThat(AllowedRedirects.allows(ALLOWED, url)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.com/thanks", "https://go.example.net/"})
    void allowsNothingWithoutEntries(String url) {
        assertThat(AllowedRedirects.allows(List.of(), url)).isFalse();
    }
}
