package dev.leadflow.reporting.lifecycle;

import static dev.leadflow.reporting.TestEvents.captured;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.qualified;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.scored;
import static dev.leadflow.reporting.TestEvents.slaBreached;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.OwnerType;
import dev.leadflow.reporting.speedtolead.SpeedToLeadStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadLifecycleTest {

    private static final UUID LEAD = UUID.randomUUID();
    private static final Instant CAPTURED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant SCORED = CAPTURED.plusMillis(120);
    private static final Instant QUALIFIED = CAPTURED.plusMillis(130);
    private static final Instant ROUTED = CAPTURED.plusMillis(900);
    private static final Instant CONTACTED = ROUTED.plus(Duration.ofMinutes(3));
    private static final Instant BREACHED = ROUTED.plus(Duration.ofMinutes(5));

    private static final Observation CAPTURE_TO_ROUTED =
            new Observation.SpeedToLead(SpeedToLeadStage.CAPTURE_TO_ROUTED, Duration.ofMillis(900));
    private static final Observation ROUTED_TO_CONTACT =
            new Observation.SpeedToLead(SpeedToLeadStage.ROUTED_TO_CONTACT, Duration.ofMinutes(3));

    @Test
    void recordsWhenTheLeadReachedEachStage() {
        LeadLifecycle lifecycle = replay(fullLifecycle()).after();

        assertThat(lifecycle).isEqualTo(new LeadLifecycle(LEAD, CAPTURED, SCORED,
                new LeadLifecycle.Score(115, 75, 40, SCORED), QUALIFIED, ROUTED,
                new LeadLifecycle.Owner("rep-alice", "Alice Adams", OwnerType.REP, ROUTED), CONTACTED, BREACHED));
    }

    @Test
    void reachesTheSameLifecycleAndObservationsWhateverTheOrderOfEvents() {
        List<List<LeadflowEvent>> orders = permutations(fullLifecycle());
        Replay expected = replay(fullLifecycle());

        assertThat(orders).hasSize(720);
        for (List<LeadflowEvent> order : orders) {
            Replay replay = replay(order);
            assertThat(replay.after()).as("lifecycle after %s", types(order)).isEqualTo(expected.after());
            assertThat(replay.observations()).as("observations after %s", types(order))
                    .containsExactlyInAnyOrderElementsOf(expected.observations());
        }
        assertThat(expected.observations()).containsExactlyInAnyOrder(CAPTURE_TO_ROUTED, ROUTED_TO_CONTACT,
                new Observation.SlaBreach());
    }

    @Test
    void changesNothingWhenAnEventIsAppliedAgain() {
        LeadLifecycle once = replay(fullLifecycle()).after();

        for (LeadflowEvent event : fullLifecycle()) {
            assertThat(apply(once, event).after()).isEqualTo(once);
        }
    }

    @Test
    void keepsTheFirstCaptureOfAReturningLead() {
        LeadCaptured returning = captured(LEAD, CAPTURED.plus(Duration.ofDays(30)));

        LeadLifecycle lifecycle = replay(List.of(returning, captured(LEAD, CAPTURED))).after();

        assertThat(lifecycle.capturedAt()).isEqualTo(CAPTURED);
    }

    @Test
    void keepsTheFirstScoringInstantAndTheLatestScore() {
        LeadScored first = scored(LEAD, CAPTURED, SCORED);
        LeadScored rescored = new LeadScored(UUID.randomUUID(), LEAD, "demo-v1", 75, 60, 135, 100, true, List.of(),
                CAPTURED, SCORED.plusSeconds(60));

        LeadLifecycle lifecycle = replay(List.of(rescored, first)).after();

        assertThat(lifecycle.scoredAt()).isEqualTo(SCORED);
        assertThat(lifecycle.latestScore()).isEqualTo(new LeadLifecycle.Score(135, 75, 60, SCORED.plusSeconds(60)));
    }

    @Test
    void ownerIsTheOwnerOfTheLatestRouting() {
        LeadRouted toAlice = routed(LEAD, CAPTURED, QUALIFIED, ROUTED);
        LeadRouted toQueue = new LeadRouted(UUID.randomUUID(), LEAD, UUID.randomUUID(), "queue-emea", "EMEA inbound",
                OwnerType.QUEUE, "reassign", "rep on leave", CAPTURED, QUALIFIED, ROUTED.plusSeconds(600), null, null,
                115, List.of());

        LeadLifecycle lifecycle = replay(List.of(toQueue, toAlice)).after();

        assertThat(lifecycle.routedAt()).isEqualTo(ROUTED);
        assertThat(lifecycle.owner()).isEqualTo(new LeadLifecycle.Owner("queue-emea", "EMEA inbound", OwnerType.QUEUE,
                ROUTED.plusSeconds(600)));
    }

    @Test
    void takesCaptureAndQualificationFromARoutingThatArrivesFirst() {
        LeadLifecycle lifecycle = LeadLifecycle.unknown(LEAD).apply(routed(LEAD, CAPTURED, QUALIFIED, ROUTED)).after();

        assertThat(lifecycle.capturedAt()).isEqualTo(CAPTURED);
        assertThat(lifecycle.qualifiedAt()).isEqualTo(QUALIFIED);
        assertThat(lifecycle.routedAt()).isEqualTo(ROUTED);
        assertThat(lifecycle.scoredAt()).isNull();
    }

    @Test
    void observesCaptureToRoutedFromEveryRoutingEvent() {
        LeadLifecycle alreadyRouted = replay(List.of(routed(LEAD, CAPTURED, QUALIFIED, ROUTED))).after();

        LifecycleChange rerouted = alreadyRouted.apply(routed(LEAD, CAPTURED, QUALIFIED, ROUTED.plusSeconds(2)));

        assertThat(rerouted.observations()).containsExactly(new Observation.SpeedToLead(
                SpeedToLeadStage.CAPTURE_TO_ROUTED, Duration.ofMillis(2900)));
    }

    @Test
    void aReassignmentAfterAMissedSlaChangesTheOwnerButIsNoSecondRouting() {
        LeadRouted first = routed(LEAD, CAPTURED, QUALIFIED, ROUTED);
        LeadLifecycle alreadyRouted = replay(List.of(first)).after();
        LeadRouted reassigned = new LeadRouted(UUID.randomUUID(), LEAD, first.qualificationId(), "bob", "Bob",
                OwnerType.REP, first.ruleId(), "rule x: bob follows alice", CAPTURED, QUALIFIED,
                BREACHED.plusSeconds(1), BREACHED.plus(Duration.ofMinutes(5)), null, 115, List.of(), null, null, 1,
                first.ownerId());

        LifecycleChange change = alreadyRouted.apply(reassigned);

        assertThat(change.observations()).as("no second capture-to-routed").isEmpty();
        assertThat(change.after().routedAt()).isEqualTo(ROUTED);
        assertThat(change.after().owner()).isEqualTo(new LeadLifecycle.Owner("bob", "Bob", OwnerType.REP,
                BREACHED.plusSeconds(1)));
        assertThat(LeadLifecycle.unknown(LEAD).apply(reassigned).observations())
                .as("even when the reassignment arrives first").isEmpty();
    }

    @Test
    void observesNoCaptureToRoutedWhenTheRoutingPrecedesTheCapture() {
        LifecycleChange change = LeadLifecycle.unknown(LEAD)
                .apply(routed(LEAD, ROUTED.plusMillis(1), QUALIFIED, ROUTED));

        assertThat(change.observations()).isEmpty();
    }

    @Test
    void observesRoutedToContactWhenTheContactFollowsTheRouting() {
        LeadLifecycle routedLead = LeadLifecycle.unknown(LEAD).apply(routed(LEAD, CAPTURED, QUALIFIED, ROUTED)).after();

        assertThat(routedLead.apply(contacted(LEAD, CONTACTED)).observations()).containsExactly(ROUTED_TO_CONTACT);
    }

    @Test
    void observesRoutedToContactWhenTheRoutingArrivesAfterTheContact() {
        LeadLifecycle contactedLead = LeadLifecycle.unknown(LEAD).apply(contacted(LEAD, CONTACTED)).after();

        assertThat(contactedLead.apply(routed(LEAD, CAPTURED, QUALIFIED, ROUTED)).observations())
                .containsExactlyInAnyOrder(CAPTURE_TO_ROUTED, ROUTED_TO_CONTACT);
    }

    @Test
    void observesRoutedToContactOnlyForTheFirstContact() {
        LeadLifecycle contactedLead = replay(List.of(routed(LEAD, CAPTURED, QUALIFIED, ROUTED),
                contacted(LEAD, CONTACTED))).after();

        LifecycleChange secondContact = contactedLead.apply(contacted(LEAD, CONTACTED.plusSeconds(30)));

        assertThat(secondContact.observations()).isEmpty();
        assertThat(secondContact.after().contactedAt()).isEqualTo(CONTACTED);
    }

    @Test
    void observesNoRoutedToContactForAContactBeforeTheRouting() {
        LeadLifecycle contactedEarly = LeadLifecycle.unknown(LEAD).apply(contacted(LEAD, ROUTED.minusSeconds(1))).after();

        assertThat(contactedEarly.apply(routed(LEAD, CAPTURED, QUALIFIED, ROUTED)).observations())
                .containsExactly(CAPTURE_TO_ROUTED);
    }

    @Test
    void observesASlaBreachForEachBreachEvent() {
        LeadLifecycle breached = LeadLifecycle.unknown(LEAD).apply(slaBreached(LEAD, ROUTED, BREACHED)).after();

        LifecycleChange again = breached.apply(slaBreached(LEAD, ROUTED, BREACHED.plus(Duration.ofHours(1))));

        assertThat(again.observations()).containsExactly(new Observation.SlaBreach());
        assertThat(again.after().slaBreachedAt()).isEqualTo(BREACHED);
        assertThat(again.after().routedAt()).isEqualTo(ROUTED);
    }

    private static List<LeadflowEvent> fullLifecycle() {
        return List.of(captured(LEAD, CAPTURED), scored(LEAD, CAPTURED, SCORED), qualified(LEAD, CAPTURED, QUALIFIED),
                routed(LEAD, CAPTURED, QUALIFIED, ROUTED), contacted(LEAD, CONTACTED), slaBreached(LEAD, ROUTED, BREACHED));
    }

    private record Replay(LeadLifecycle after, List<Observation> observations) {
    }

    private static Replay replay(List<? extends LeadflowEvent> events) {
        LeadLifecycle lifecycle = LeadLifecycle.unknown(LEAD);
        List<Observation> observations = new ArrayList<>();
        for (LeadflowEvent event : events) {
            LifecycleChange change = apply(lifecycle, event);
            lifecycle = change.after();
            observations.addAll(change.observations());
        }
        return new Replay(lifecycle, observations);
    }

    private static LifecycleChange apply(LeadLifecycle lifecycle, LeadflowEvent event) {
        if (event instanceof LeadCaptured e) {
            return lifecycle.apply(e);
        } else if (event instanceof LeadScored e) {
            return lifecycle.apply(e);
        } else if (event instanceof LeadQualified e) {
            return lifecycle.apply(e);
        } else if (event instanceof LeadRouted e) {
            return lifecycle.apply(e);
        } else if (event instanceof LeadContacted e) {
            return lifecycle.apply(e);
        } else if (event instanceof LeadSlaBreached e) {
            return lifecycle.apply(e);
        }
        throw new IllegalArgumentException("not a lifecycle event: " + event);
    }

    private static List<List<LeadflowEvent>> permutations(List<LeadflowEvent> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        List<List<LeadflowEvent>> all = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<LeadflowEvent> rest = new ArrayList<>(events);
            LeadflowEvent first = rest.remove(i);
            for (List<LeadflowEvent> tail : permutations(rest)) {
                List<LeadflowEvent> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static List<String> types(List<LeadflowEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
