package dev.leadflow.capture.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnownLeadTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    private static final LeadProfile FULL = new LeadProfile("ada@example.com", "Ada", "Lovelace", "Analytical",
            "VP Engineering", "+442079460958", "GB", "1000-4999", "Computing");
    private static final LeadProfile EMPTY = new LeadProfile("ada@example.com", null, null, null, null, null, null,
            null, null);

    @Test
    void keepsEveryKnownFieldALaterSubmissionLeavesEmpty() {
        KnownLead merged = new KnownLead(FULL, null).updatedBy(new KnownLead(EMPTY, null));

        assertThat(merged.profile()).isEqualTo(FULL);
    }

    @Test
    void addsWhatALaterSubmissionStates() {
        KnownLead merged = new KnownLead(EMPTY, null).updatedBy(new KnownLead(FULL, null));

        assertThat(merged.profile()).isEqualTo(FULL);
    }

    @Test
    void updatesEachFieldALaterSubmissionStates() {
        LeadProfile later = new LeadProfile("ada@example.com", "Augusta", null, null, "CTO", "+12015550123", null,
                null, "Software");

        KnownLead merged = new KnownLead(FULL, null).updatedBy(new KnownLead(later, null));

        assertThat(merged.profile()).isEqualTo(new LeadProfile("ada@example.com", "Augusta", "Lovelace",
                "Analytical", "CTO", "+12015550123", "GB", "1000-4999", "Software"));
    }

    @Test
    void keepsTheKnownConsentWhenALaterSubmissionStatesNone() {
        MarketingConsent given = new MarketingConsent(true, "v1", MONDAY);

        assertThat(new KnownLead(FULL, given).updatedBy(new KnownLead(EMPTY, null)).consent()).isEqualTo(given);
    }

    @Test
    void replacesTheConsentWithALaterDecisionSoANoWithdrawsIt() {
        MarketingConsent given = new MarketingConsent(true, "v1", MONDAY);
        MarketingConsent withdrawn = MarketingConsent.stated(false, "v2", TUESDAY);

        KnownLead merged = new KnownLead(FULL, given).updatedBy(new KnownLead(EMPTY, withdrawn));

        assertThat(merged.consent()).isEqualTo(new MarketingConsent(false, "v2", null));
    }

    @Test
    void recordsTheTimeOfConsentOnlyWhenConsentIsGiven() {
        assertThat(MarketingConsent.stated(true, "v1", MONDAY)).isEqualTo(new MarketingConsent(true, "v1", MONDAY));
        assertThat(MarketingConsent.stated(true, null, MONDAY)).isEqualTo(new MarketingConsent(true, null, MONDAY));
        assertThat(MarketingConsent.stated(false, "v1", MONDAY)).isEqualTo(new MarketingConsent(false, "v1", null));
        assertThat(MarketingConsent.stated(null, "v1", MONDAY)).isNull();
    }

    @Test
    void aFreshConsentGetsTheTimeOfTheSubmissionThatGaveIt() {
        KnownLead merged = new KnownLead(FULL, new MarketingConsent(true, "v1", MONDAY))
                .updatedBy(new KnownLead(EMPTY, MarketingConsent.stated(true, "v2", TUESDAY)));

        assertThat(merged.consent()).isEqualTo(new MarketingConsent(true, "v2", TUESDAY));
    }

    @Test
    void keepsRegionAndPostalCodeWhileTheCountryStaysTheSame() {
        LeadProfile known = new LeadProfile("ada@example.com", null, null, null, null, null, "US", null, null, "CA",
                "94103");
        LeadProfile later = new LeadProfile("ada@example.com", "Ada", null, null, null, null, "US", null, null, null,
                null);

        KnownLead merged = new KnownLead(known, null).updatedBy(new KnownLead(later, null));

        assertThat(merged.profile().region()).isEqualTo("CA");
        assertThat(merged.profile().postalCode()).isEqualTo("94103");
    }

    @Test
    void dropsRegionAndPostalCodeOfAnotherCountryWhenTheCountryChanges() {
        LeadProfile known = new LeadProfile("ada@example.com", null, null, null, null, null, "US", null, null, "CA",
                "94103");
        LeadProfile moved = new LeadProfile("ada@example.com", null, null, null, null, null, "DE", null, null, null,
                "10115");

        KnownLead merged = new KnownLead(known, null).updatedBy(new KnownLead(moved, null));

        assertThat(merged.profile().country()).isEqualTo("DE");
        assertThat(merged.profile().region()).isNull();
        assertThat(merged.profile().postalCode()).isEqualTo("10115");
    }
}
