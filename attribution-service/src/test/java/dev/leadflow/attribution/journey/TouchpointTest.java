package dev.leadflow.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TouchpointTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void campaignIsTheTouchpointsOwnElseTheUtmCampaign() {
        Utm utm = new Utm("google", "cpc", "from-utm", null, null);

        assertThat(touchpoint("own", utm).effectiveCampaign()).isEqualTo("own");
        assertThat(touchpoint(null, utm).effectiveCampaign()).isEqualTo("from-utm");
        assertThat(touchpoint(null, null).effectiveCampaign()).isNull();
    }

    @Test
    void aTouchpointWithoutUtmHasAnEmptyOne() {
        assertThat(touchpoint(null, null).utm()).isEqualTo(new Utm(null, null, null, null, null));
    }

    @Test
    void requiresItsIdTypeAndTimes() {
        assertThatThrownBy(() -> new Touchpoint(null, "page_view", null, null, null, null, NOW, NOW, false))
                .hasMessage("touchpointId");
        assertThatThrownBy(() -> new Touchpoint(UUID.randomUUID(), null, null, null, null, null, NOW, NOW, false))
                .hasMessage("type");
        assertThatThrownBy(() -> new Touchpoint(UUID.randomUUID(), "page_view", null, null, null, null, null, NOW,
                false)).hasMessage("occurredAt");
        assertThatThrownBy(() -> new Touchpoint(UUID.randomUUID(), "page_view", null, null, null, null, NOW, null,
                false)).hasMessage("recordedAt");
    }

    private static Touchpoint touchpoint(String campaign, Utm utm) {
        return new Touchpoint(UUID.randomUUID(), "page_view", null, null, campaign, utm, NOW, NOW, false);
    }
}
