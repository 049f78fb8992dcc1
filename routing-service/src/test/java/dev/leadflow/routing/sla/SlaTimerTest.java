package dev.leadflow.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaTimerTest {

    private static final Instant ROUTED = Instant.parse("2026-11-27T16:58:00Z");
    private static final Instant DUE = Instant.parse("2026-11-30T08:03:00Z");

    @Test
    void anOpenTimerShowsWhenItStartedAndIsDue() {
        assertThat(timer("open", null, null, null, null, null).timeline()).containsExactly(
                new SlaTimer.Step(ROUTED, "started", "first contact by alice due at " + DUE
                        + " (business time of the owner)"),
                new SlaTimer.Step(DUE, "due", "first contact due"));
    }

    @Test
    void aContactInTimeMeetsTheSla() {
        Instant contacted = DUE.minusSeconds(60);

        assertThat(timer("contacted", null, null, contacted, null, null).timeline())
                .extracting(SlaTimer.Step::event, SlaTimer.Step::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("started",
                                "first contact by alice due at " + DUE + " (business time of the owner)"),
                        org.assertj.core.groups.Tuple.tuple("contacted", "by alice (in time)"),
                        org.assertj.core.groups.Tuple.tuple("due", "met: contacted before it was due"));
    }

    @Test
    void aBreachShowsItsEscalationAndALateContactFollowsIt() {
        Instant breached = DUE.plusSeconds(2);
        Instant contacted = DUE.plusSeconds(600);

        assertThat(timer("breached", breached, "reassigned", contacted, null, null).timeline())
                .extracting(SlaTimer.Step::at, SlaTimer.Step::event, SlaTimer.Step::detail)
                .containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple(breached, "breached",
                                "not contacted in time; escalation: reassigned, manager lena@corp.example notified, "
                                        + "reassigned to bob"),
                        org.assertj.core.groups.Tuple.tuple(contacted, "contacted", "by alice (late)"));
    }

    @Test
    void anOutcomeClosesTheTimer() {
        Instant closed = DUE.minusSeconds(30);

        assertThat(timer("closed", null, null, null, closed, "opportunity.won").timeline())
                .extracting(SlaTimer.Step::event).containsExactly("started", "closed", "due");
    }

    private static SlaTimer timer(String status, Instant breachedAt, String escalation, Instant contactedAt,
            Instant closedAt, String closedBy) {
        boolean breached = breachedAt != null;
        return new SlaTimer(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, "alice", "everyone-else",
                ROUTED, DUE, status, breachedAt, escalation, breached ? "lena@corp.example" : null,
                breached ? "bob" : null, contactedAt, contactedAt == null ? null : "alice", closedAt, closedBy);
    }
}
