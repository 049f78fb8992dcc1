package dev.leadflow.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JourneysTest {

    private static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void hasNoJourneyWithoutTouchpoints() {
        assertThat(Journeys.assemble(LEAD, List.of(), 10)).isEmpty();
    }

    @Test
    void listsTouchpointsInTheOrderTheyOccurredWhateverTheOrderTheyArrivedIn() {
        Touchpoint first = touchpoint(1, T0, T0.plusSeconds(100));
        Touchpoint second = touchpoint(2, T0.plusSeconds(10), T0.plusSeconds(10));
        Touchpoint third = touchpoint(3, T0.plusSeconds(20), T0.plusSeconds(20));

        Journey journey = Journeys.assemble(LEAD, List.of(third, first, second), 10).orElseThrow();

        assertThat(journey.leadId()).isEqualTo(LEAD);
        assertThat(journey.touchpoints()).containsExactly(first, second, third);
    }

    @Test
    void ordersTouchpointsOfTheSameInstantByWhenTheyWereRecorded() {
        Touchpoint pageView = touchpoint(9, T0, T0.plusMillis(1));
        Touchpoint formSubmit = touchpoint(1, T0, T0.plusMillis(2));

        assertThat(Journeys.assemble(LEAD, List.of(formSubmit, pageView), 10).orElseThrow().touchpoints())
                .containsExactly(pageView, formSubmit);
    }

    @Test
    void breaksFullTiesByTouchpointIdSoEveryReadGivesTheSameOrder() {
        List<Touchpoint> tied = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            tied.add(touchpoint(i, T0, T0));
        }
        List<Touchpoint> expected = List.copyOf(tied);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(tied, random);
            assertThat(Journeys.assemble(LEAD, tied, 10).orElseThrow().touchpoints()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void summarisesTheFirstAndLastTouchWithTheirChannelAndCampaign() {
        Touchpoint ad = new Touchpoint(id(1), "ad_click", "https://example.com/lp", null, null,
                new Utm("linkedin", "paid_social", "q1-abm", null, null), T0, T0, true);
        Touchpoint email = new Touchpoint(id(2), "email_click", "https://example.com/pricing", null, "nurture-3",
                new Utm("hubspot", "email", "ignored-when-the-touchpoint-names-one", null, null),
                T0.plusSeconds(60), T0.plusSeconds(60), false);

        Journey journey = Journeys.assemble(LEAD, List.of(email, ad), 10).orElseThrow();

        assertThat(journey.firstTouch()).isEqualTo(new TouchSummary(id(1), "ad_click", T0,
                new Channel("linkedin", "paid_social"), "q1-abm", true));
        assertThat(journey.lastTouch()).isEqualTo(new TouchSummary(id(2), "email_click", T0.plusSeconds(60),
                new Channel("hubspot", "email"), "nurture-3", false));
    }

    @Test
    void aSingleTouchpointIsBothFirstAndLastTouch() {
        Journey journey = Journeys.assemble(LEAD, List.of(touchpoint(1, T0, T0)), 10).orElseThrow();

        assertThat(journey.firstTouch()).isEqualTo(journey.lastTouch());
        assertThat(journey.firstTouch().touchpointId()).isEqualTo(id(1));
    }

    @Test
    void listsOnlyTheMostRecentTouchpointsOfALongJourneyButSummarisesTheWholeOfIt() {
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            touchpoints.add(touchpoint(i, T0.plusSeconds(i), T0.plusSeconds(i)));
        }

        Journey journey = Journeys.assemble(LEAD, touchpoints, 2).orElseThrow();

        assertThat(journey.touchpoints()).extracting(Touchpoint::touchpointId).containsExactly(id(4), id(5));
        assertThat(journey.totalTouchpoints()).isEqualTo(5);
        assertThat(journey.truncated()).isTrue();
        assertThat(journey.firstTouch().touchpointId()).isEqualTo(id(1));
        assertThat(journey.lastTouch().touchpointId()).isEqualTo(id(5));
    }

    @Test
    void aJourneyWithinTheLimitIsNotTruncated() {
        Journey journey = Journeys.assemble(LEAD, List.of(touchpoint(1, T0, T0), touchpoint(2, T0, T0)), 2)
                .orElseThrow();

        assertThat(journey.truncated()).isFalse();
        assertThat(journey.totalTouchpoints()).isEqualTo(2);
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> Journeys.assemble(LEAD, List.of(touchpoint(1, T0, T0)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxListed");
    }

    @Test
    void keepsWhetherEachTouchpointWasStitched() {
        Touchpoint anonymous = new Touchpoint(id(1), "page_view", null, null, null, null, T0, T0, true);
        Touchpoint known = new Touchpoint(id(2), "form_submit", null, null, null, null, T0.plusSeconds(1),
                T0.plusSeconds(1), false);

        assertThat(Journeys.assemble(LEAD, List.of(known, anonymous), 10).orElseThrow().touchpoints())
                .extracting(Touchpoint::stitched).containsExactly(true, false);
    }

    private static Touchpoint touchpoint(int id, Instant occurredAt, Instant recordedAt) {
        return new Touchpoint(id(id), "page_view", "https://example.com/" + id, null, null, null, occurredAt,
                recordedAt, false);
    }

    private static UUID id(int id) {
        return new UUID(0, id);
    }
}
