package dev.leadflow.reporting.lifecycle;

import static dev.leadflow.reporting.TestEvents.captured;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.qualified;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.scored;
import static dev.leadflow.reporting.TestEvents.slaBreached;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.OwnerType;
import dev.leadflow.reporting.TestEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineEntryTest {

    private static final UUID LEAD = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void summarisesEachLifecycleEvent() {
        assertThat(TimelineEntry.of(captured(LEAD, AT)).summary()).isEqualTo("captured from form demo-request");
        assertThat(TimelineEntry.of(scored(LEAD, AT, AT)).summary()).isEqualTo("scored 115 (fit 75, engagement 40)");
        assertThat(TimelineEntry.of(qualified(LEAD, AT, AT)).summary()).isEqualTo("qualified with score 115 (threshold 100)");
        assertThat(TimelineEntry.of(routed(LEAD, AT, AT, AT)).summary()).isEqualTo("routed to Alice Adams by rule round-robin");
        assertThat(TimelineEntry.of(contacted(LEAD, AT)).summary()).isEqualTo("contacted by rep-alice via phone");
        assertThat(TimelineEntry.of(slaBreached(LEAD, AT, AT)).summary())
                .isEqualTo("SLA breached by rep-alice (contact was due at 2026-03-02T09:05:00Z)");
    }

    @Test
    void tellsAReturningLeadAndAQueueApart() {
        LeadCaptured returning = new LeadCaptured(UUID.randomUUID(), LEAD, "webinar", AT, true, TestEvents.PROFILE,
                null, false, null, null, null, null);
        LeadRouted toQueue = new LeadRouted(UUID.randomUUID(), LEAD, UUID.randomUUID(), "queue-emea", null,
                OwnerType.QUEUE, null, null, AT, AT, AT, null, null, 0, List.of());

        assertThat(TimelineEntry.of(returning).summary()).isEqualTo("returning lead captured from form webinar");
        assertThat(TimelineEntry.of(toQueue).summary()).isEqualTo("routed to queue queue-emea");
    }

    @Test
    void leavesOutWhatAnEventDoesNotSay() {
        LeadContacted bare = new LeadContacted(UUID.randomUUID(), LEAD, null, null, AT);

        assertThat(TimelineEntry.of(bare).summary()).isEqualTo("contacted");
    }

    @Test
    void neverPutsPersonalDataInASummary() {
        List<TimelineEntry> entries = List.of(TimelineEntry.of(captured(LEAD, AT)), TimelineEntry.of(scored(LEAD, AT, AT)),
                TimelineEntry.of(qualified(LEAD, AT, AT)), TimelineEntry.of(routed(LEAD, AT, AT, AT)));

        assertThat(entries).extracting(TimelineEntry::summary).allSatisfy(summary -> assertThat(summary)
                .doesNotContain(TestEvents.EMAIL, "Grace", "Hopper", "Compilers", "+44", "VP Engineering"));
    }

    @Test
    void takesTheTypeAndInstantOfTheEvent() {
        LeadRouted routed = routed(LEAD, AT, AT, AT.plusSeconds(2));

        assertThat(TimelineEntry.of(routed)).isEqualTo(new TimelineEntry(routed.eventId(), EventTypes.LEAD_ROUTED,
                AT.plusSeconds(2), "routed to Alice Adams by rule round-robin"));
    }

    @Test
    void ordersEventsByTimeThenByLifecycleStage() {
        TimelineEntry routedFirst = entry(EventTypes.LEAD_ROUTED, AT);
        TimelineEntry capturedAtSameInstant = entry(EventTypes.LEAD_CAPTURED, AT.plusMillis(5));
        TimelineEntry scoredAtSameInstant = entry(EventTypes.LEAD_SCORED, AT.plusMillis(5));
        TimelineEntry unknownTypeAtSameInstant = entry("lead.something-new", AT.plusMillis(5));
        TimelineEntry contactedLast = entry(EventTypes.LEAD_CONTACTED, AT.plusSeconds(1));

        LeadTimeline timeline = new LeadTimeline(LeadLifecycle.unknown(LEAD), List.of(contactedLast,
                unknownTypeAtSameInstant, scoredAtSameInstant, capturedAtSameInstant, routedFirst));

        assertThat(timeline.events()).containsExactly(routedFirst, capturedAtSameInstant, scoredAtSameInstant,
                unknownTypeAtSameInstant, contactedLast);
    }

    @Test
    void ordersSameTypeSameInstantEventsByEventId() {
        TimelineEntry a = new TimelineEntry(new UUID(0, 1), EventTypes.LEAD_SCORED, AT, "scored 1 (fit 1, engagement 0)");
        TimelineEntry b = new TimelineEntry(new UUID(0, 2), EventTypes.LEAD_SCORED, AT, "scored 2 (fit 2, engagement 0)");

        assertThat(List.of(b, a).stream().sorted(TimelineEntry.CHRONOLOGICAL)).containsExactly(a, b);
    }

    private static TimelineEntry entry(String type, Instant at) {
        return new TimelineEntry(UUID.randomUUID(), type, at, type);
    }
}
