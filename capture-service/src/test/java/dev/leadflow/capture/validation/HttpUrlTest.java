package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.com", "http://example.com/path?q=1#top", "HTTPS://Example.com:8443/x"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(HttpUrl.isAbsoluteHttp(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/thanks", "www.example.com", "ftp://example.com", "javascript:alert(1)",
            "mailto:ada@example.com", "https://", "https://user:secret@example.com/", "https://good.example@evil.example",
            "http://exa mple.com", "data:text/html,hi"})
    void rejectsEverythingElse(String url) {
        assertThat(HttpUrl.isAbsoluteHttp(url)).isFalse();
    }

    @Test
    void lowerCasesTheHost() {
        assertThat(HttpUrl.host("https://WWW.Example.COM/a")).hasValue("www.example.com");
    }
}
