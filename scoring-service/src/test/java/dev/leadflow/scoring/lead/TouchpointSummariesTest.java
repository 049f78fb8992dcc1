package dev.leadflow.scoring.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.TouchpointSummary;
import dev.leadflow.events.Utm;
import dev.leadflow.scoring.model.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TouchpointSummariesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void summarisesNoTouchpointsAsEmpty() {
        TouchpointSummary summary = TouchpointSummaries.of(List.of());

        assertThat(summary.total()).isZero();
        assertThat(summary.firstAt()).isNull();
        assertThat(summary.lastAt()).isNull();
        assertThat(summary.countsByType()).isEmpty();
        assertThat(summary.recent()).isEmpty();
    }

    @Test
    void countsEveryTouchpointByTypeAndListsTheTenMostRecentNewestFirst() {
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int minute = 0; minute < 12; minute++) {
            touchpoints.add(touchpoint(minute % 3 == 0 ? "form_submit" : "page_view", minute));
        }
        Collections.shuffle(touchpoints, new Random(7));

        TouchpointSummary summary = TouchpointSummaries.of(touchpoints);

        assertThat(summary.total()).isEqualTo(12);
        assertThat(summary.firstAt()).isEqualTo(T0);
        assertThat(summary.lastAt()).isEqualTo(T0.plusSeconds(11 * 60));
        assertThat(summary.countsByType()).isEqualTo(Map.of("form_submit", 4, "page_view", 8));
        assertThat(summary.recent()).hasSize(TouchpointSummary.RECENT_LIMIT)
                .extracting(TouchpointSummary.Recent::occurredAt)
                .containsExactly(at(11), at(10), at(9), at(8), at(7), at(6), at(5), at(4), at(3), at(2));
    }

    @Test
    void showsUrlsWithoutQueryOrFragmentAndTheCampaignElseTheUtmCampaign() {
        Touchpoint tagged = new Touchpoint(UUID.randomUUID(), "email_click",
                "https://acme.example/spring?email=ada@acme.example#top", "spring-launch",
                new Utm("newsletter", "email", "other", null, null), T0);
        Touchpoint fromAd = new Touchpoint(UUID.randomUUID(), "ad_click", "https://acme.example/landing", null,
                new Utm("google", "cpc", "brand", null, null), T0.plusSeconds(60));
        Touchpoint bare = new Touchpoint(UUID.randomUUID(), "chat", null, null, null, T0.plusSeconds(120));

        List<TouchpointSummary.Recent> recent = TouchpointSummaries.of(List.of(tagged, fromAd, bare)).recent();

        assertThat(recent).containsExactly(
                new TouchpointSummary.Recent("chat", null, null, T0.plusSeconds(120)),
                new TouchpointSummary.Recent("ad_click", "acme.example/landing", "brand", T0.plusSeconds(60)),
                new TouchpointSummary.Recent("email_click", "acme.example/spring", "spring-launch", T0));
    }

    private static Touchpoint touchpoint(String type, int minute) {
        return new Touchpoint(UUID.randomUUID(), type, "https://acme.example/" + minute, null, null, at(minute));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }
}
