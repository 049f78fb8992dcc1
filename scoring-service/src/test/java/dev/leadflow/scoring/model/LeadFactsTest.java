package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;
import org.junit.jupiter.api.Test;

class LeadFactsTest {

    private static final LeadFacts FIRST = new LeadFacts(
            new LeadProfile("ada@acme.example", "Ada", "Lovelace", "Acme", "Engineer", "+1 555 0100", "US", "201-500",
                    "software"),
            new Utm("google", "cpc", "brand", null, null), "demo", "https://acme.example/pricing", "https://google.com",
            false);

    @Test
    void theLatestCapturesValuesWin() {
        LeadFacts newer = new LeadFacts(new LeadProfile("ada@acme.example", null, null, "Acme Corp", "VP Engineering",
                null, null, "1000+", null), null, "webinar-signup", "https://acme.example/webinar", null, false);

        LeadFacts merged = LeadFacts.merge(FIRST, newer);

        assertThat(merged.profile()).isEqualTo(new LeadProfile("ada@acme.example", "Ada", "Lovelace", "Acme Corp",
                "VP Engineering", "+1 555 0100", "US", "1000+", "software"));
        assertThat(merged.formId()).isEqualTo("webinar-signup");
        assertThat(merged.pageUrl()).isEqualTo("https://acme.example/webinar");
        assertThat(merged.referrer()).isEqualTo("https://google.com");
    }

    @Test
    void aMissingOrBlankValueNeverErasesAKnownOne() {
        LeadFacts sparse = new LeadFacts(new LeadProfile("ada@acme.example", " ", null, "", null, null, null, null,
                null), null, null, null, null, false);

        assertThat(LeadFacts.merge(FIRST, sparse)).isEqualTo(FIRST);
    }

    @Test
    void utmParametersAreReplacedAsAWholeNotMixed() {
        LeadFacts fromLinkedIn = new LeadFacts(FIRST.profile(), new Utm("linkedin", null, null, null, null), null,
                null, null, false);

        assertThat(LeadFacts.merge(FIRST, fromLinkedIn).utm()).isEqualTo(new Utm("linkedin", null, null, null, null));
        assertThat(LeadFacts.merge(FIRST, new LeadFacts(FIRST.profile(), null, null, null, null, false)).utm())
                .isEqualTo(FIRST.utm());
    }

    @Test
    void theFreeMailFlagFollowsTheEmailItDescribes() {
        LeadFacts gmail = new LeadFacts(new LeadProfile("ada@gmail.com", null, null, null, null, null, null, null,
                null), null, null, null, null, true);
        LeadFacts noEmail = new LeadFacts(null, null, null, null, null, false);

        assertThat(LeadFacts.merge(FIRST, gmail).freeMailDomain()).isTrue();
        assertThat(LeadFacts.merge(gmail, noEmail).freeMailDomain()).isTrue();
    }

    @Test
    void theDisposableFlagFollowsTheEmailItDescribes() {
        LeadFacts throwaway = new LeadFacts(new LeadProfile("x@mailinator.com", null, null, null, null, null, null,
                null, null), null, null, null, null, false, true);
        LeadFacts noEmail = new LeadFacts(null, null, null, null, null, false, false);

        assertThat(LeadFacts.merge(FIRST, throwaway).disposableEmailDomain()).isTrue();
        assertThat(LeadFacts.merge(throwaway, noEmail).disposableEmailDomain()).isTrue();
        assertThat(LeadFacts.merge(throwaway, FIRST).disposableEmailDomain()).isFalse();
    }

    @Test
    void unknownFactsHaveNoValues() {
        for (LeadField field : LeadField.values()) {
            assertThat(field.valueOf(LeadFacts.UNKNOWN)).as(field.key()).isNull();
        }
    }
}
