package dev.leadflow.capture.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DisposableDomainsTest {

    @Test
    void shipsSeveralHundredWellKnownProviders() {
        DisposableDomains shipped = DisposableDomains.shipped();

        assertThat(shipped.size()).isGreaterThanOrEqualTo(300);
        assertThat(shipped.contains("mailinator.com")).isTrue();
        assertThat(shipped.contains("10minutemail.com")).isTrue();
        assertThat(shipped.contains("guerrillamail.com")).isTrue();
        assertThat(shipped.contains("yopmail.com")).isTrue();
        assertThat(shipped.contains("gmail.com")).isFalse();
        assertThat(shipped.contains("example.com")).isFalse();
    }

    @Test
    void matchesTheDomainAndItsSubdomainsIgnoringCase() {
        DisposableDomains domains = DisposableDomains.of(Set.of("Mailinator.com"));

        assertThat(domains.contains("mailinator.com")).isTrue();
        assertThat(domains.contains("MAILINATOR.COM")).isTrue();
        assertThat(domains.contains("abc.mailinator.com")).isTrue();
        assertThat(domains.contains("a.b.mailinator.com")).isTrue();
    }

    @Test
    void doesNotMatchLookalikesOrParents() {
        DisposableDomains domains = DisposableDomains.of(Set.of("mailinator.com"));

        assertThat(domains.contains("notmailinator.com")).isFalse();
        assertThat(domains.contains("mailinator.com.example")).isFalse();
        assertThat(domains.contains("com")).isFalse();
    }
}
