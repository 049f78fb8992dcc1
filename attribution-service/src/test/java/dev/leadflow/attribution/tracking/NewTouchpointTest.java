package dev.leadflow.attribution.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewTouchpointTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Utm UTM = new Utm("google", "cpc", "brand", null, null);

    @Test
    void aCaptureIsAFormSubmitIdentifiedByItsEventId() {
        LeadCaptured captured = captured("anon-1");

        assertThat(NewTouchpoint.formSubmit(captured)).isEqualTo(new NewTouchpoint(captured.eventId(),
                captured.leadId(), "anon-1", TouchpointTypes.FORM_SUBMIT, "https://example.com/pricing",
                "https://www.google.com/", null, UTM, NOW, NOW));
    }

    @Test
    void aCaptureWithABlankAnonymousIdHasNone() {
        assertThat(NewTouchpoint.formSubmit(captured("  ")).anonymousId()).isNull();
        assertThat(NewTouchpoint.formSubmit(captured(null)).anonymous()).isFalse();
    }

    @Test
    void aRecordedTouchpointKeepsItsFields() {
        UUID touchpointId = UUID.randomUUID();
        TouchpointRecorded recorded = new TouchpointRecorded(UUID.randomUUID(), touchpointId, null, "anon-1",
                "page_view", "https://example.com/blog", "spring", UTM, NOW, NOW.plusSeconds(1));

        NewTouchpoint touchpoint = NewTouchpoint.of(recorded);

        assertThat(touchpoint).isEqualTo(new NewTouchpoint(touchpointId, null, "anon-1", "page_view",
                "https://example.com/blog", null, "spring", UTM, NOW, NOW.plusSeconds(1)));
        assertThat(touchpoint.anonymous()).isTrue();
    }

    @Test
    void aTouchpointWithoutRecordingTimeCountsAsRecordedWhenItOccurred() {
        TouchpointRecorded recorded = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                null, "webinar", null, null, null, NOW, null);

        assertThat(NewTouchpoint.of(recorded).recordedAt()).isEqualTo(NOW);
    }

    private static LeadCaptured captured(String anonymousId) {
        return new LeadCaptured(UUID.randomUUID(), UUID.randomUUID(), "demo", NOW, false,
                new LeadProfile("ada@example.com", null, null, null, null, null, null, null, null), true, false, UTM,
                "https://example.com/pricing", "https://www.google.com/", anonymousId);
    }
}
