package dev.leadflow.capture.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FreeMailDomainsTest {

    @Test
    void shipsAListOfTheCommonProviders() {
        FreeMailDomains shipped = FreeMailDomains.shipped();

        assertThat(shipped.size()).isGreaterThanOrEqualTo(50);
        assertThat(shipped.contains("gmail.com")).isTrue();
        assertThat(shipped.contains("yahoo.com")).isTrue();
        assertThat(shipped.contains("hotmail.com")).isTrue();
        assertThat(shipped.contains("outlook.com")).isTrue();
        assertThat(shipped.contains("example.com")).isFalse();
    }

    @Test
    void matchesWholeDomainsOnlyIgnoringCase() {
        FreeMailDomains domains = FreeMailDomains.shipped();

        assertThat(domains.contains("GMail.COM")).isTrue();
        assertThat(domains.contains("notgmail.com")).isFalse();
        assertThat(domains.contains("mail.gmail.com")).isFalse();
    }

    @Test
    void readsOneDomainALineSkippingCommentsAndBlanks() throws Exception {
        FreeMailDomains domains = FreeMailDomains.parse(new ByteArrayInputStream(
                "# providers\n\nMail.Example  # trailing comment\n  other.example\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(domains.size()).isEqualTo(2);
        assertThat(domains.contains("mail.example")).isTrue();
        assertThat(domains.contains("other.example")).isTrue();
    }
}
