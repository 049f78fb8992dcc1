package dev.leadflow.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.OwnerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final Rep ALICE = new Rep("alice", "Alice Martin", true);
    private static final Rep BOB = new Rep("bob", "Bob Chen", true);
    private static final Rep CAROL = new Rep("carol", "Carol Diaz", true);

    private final RoundRobin threeReps = new RoundRobin(Roster.of(ALICE, BOB, CAROL), "unassigned");

    @Test
    void startsWithTheFirstActiveRepWhenNoLeadWasAssignedYet() {
        RoutingDecision decision = threeReps.next(Optional.empty());

        assertThat(decision).isEqualTo(new AssignToRep(ALICE, List.of("alice", "bob", "carol"),
                "round robin: alice starts the rotation among 3 active reps"));
    }

    @Test
    void routesToTheNextRepInTurn() {
        RoutingDecision decision = threeReps.next(Optional.of("alice"));

        assertThat(decision.ownerId()).isEqualTo("bob");
        assertThat(decision.ownerName()).isEqualTo("Bob Chen");
        assertThat(decision.ownerType()).isEqualTo(OwnerType.REP);
        assertThat(decision.ruleId()).isEqualTo(RoutingDecision.ROUND_ROBIN);
        assertThat(decision.reason()).isEqualTo("round robin: bob follows alice among 3 active reps");
        assertThat(decision.candidates()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void wrapsAroundAfterTheLastRep() {
        RoutingDecision decision = threeReps.next(Optional.of("carol"));

        assertThat(decision.ownerId()).isEqualTo("alice");
        assertThat(decision.reason()).isEqualTo("round robin: alice follows carol among 3 active reps");
    }

    @Test
    void givesEveryRepOneLeadPerRound() {
        List<String> owners = new ArrayList<>();
        Optional<String> last = Optional.empty();
        for (int lead = 0; lead < 7; lead++) {
            String owner = threeReps.next(last).ownerId();
            owners.add(owner);
            last = Optional.of(owner);
        }

        assertThat(owners).containsExactly("alice", "bob", "carol", "alice", "bob", "carol", "alice");
    }

    @Test
    void skipsInactiveReps() {
        RoundRobin bobAway = new RoundRobin(Roster.of(ALICE, inactive(BOB), CAROL), "unassigned");

        RoutingDecision decision = bobAway.next(Optional.of("alice"));

        assertThat(decision.ownerId()).isEqualTo("carol");
        assertThat(decision.reason()).isEqualTo("round robin: carol follows alice among 2 active reps");
        assertThat(decision.candidates()).containsExactly("alice", "carol");
    }

    @Test
    void skipsInactiveRepsWhenWrappingAround() {
        RoundRobin aliceAway = new RoundRobin(Roster.of(inactive(ALICE), BOB, CAROL), "unassigned");

        assertThat(aliceAway.next(Optional.of("carol")).ownerId()).isEqualTo("bob");
        assertThat(aliceAway.next(Optional.empty()).ownerId()).isEqualTo("bob");
    }

    @Test
    void resumesAfterTheLastAssignedRepWhenThatRepWasDeactivated() {
        RoundRobin bobAway = new RoundRobin(Roster.of(ALICE, inactive(BOB), CAROL), "unassigned");

        RoutingDecision decision = bobAway.next(Optional.of("bob"));

        assertThat(decision.ownerId()).isEqualTo("carol");
        assertThat(decision.reason()).isEqualTo("round robin: carol follows bob (now inactive) among 2 active reps");
    }

    @Test
    void restartsTheRotationWhenTheLastAssignedRepWasRemovedFromTheConfiguration() {
        RoutingDecision decision = threeReps.next(Optional.of("dave"));

        assertThat(decision.ownerId()).isEqualTo("alice");
        assertThat(decision.reason()).isEqualTo(
                "round robin: alice starts the rotation among 3 active reps (last assigned rep dave is no longer configured)");
    }

    @Test
    void givesEveryLeadToTheOnlyActiveRep() {
        RoundRobin onlyCarol = new RoundRobin(Roster.of(inactive(ALICE), inactive(BOB), CAROL), "unassigned");

        RoutingDecision decision = onlyCarol.next(Optional.of("carol"));

        assertThat(decision.ownerId()).isEqualTo("carol");
        assertThat(decision.reason()).isEqualTo("round robin: carol is the only active rep");
        assertThat(onlyCarol.next(Optional.empty()).reason())
                .isEqualTo("round robin: carol starts the rotation among 1 active rep");
    }

    @Test
    void sendsTheLeadToTheFallbackQueueWhenNoRepIsActive() {
        RoundRobin nobody = new RoundRobin(Roster.of(inactive(ALICE), inactive(BOB)), "unassigned");

        RoutingDecision decision = nobody.next(Optional.of("alice"));

        assertThat(decision).isEqualTo(new SendToQueue("unassigned",
                "no active rep among 2 configured: sent to queue unassigned"));
        assertThat(decision.ownerId()).isEqualTo("unassigned");
        assertThat(decision.ownerName()).isEqualTo("unassigned");
        assertThat(decision.ownerType()).isEqualTo(OwnerType.QUEUE);
        assertThat(decision.ruleId()).isEqualTo(RoutingDecision.FALLBACK_QUEUE);
        assertThat(decision.candidates()).isEmpty();
    }

    @Test
    void sendsTheLeadToTheFallbackQueueWhenNoRepIsConfigured() {
        RoundRobin empty = new RoundRobin(new Roster(List.of()), "inbound-sdr");

        RoutingDecision decision = empty.next(Optional.empty());

        assertThat(decision.ownerId()).isEqualTo("inbound-sdr");
        assertThat(decision.reason()).isEqualTo("no active rep among 0 configured: sent to queue inbound-sdr");
    }

    @Test
    void rejectsABlankFallbackQueue() {
        assertThatThrownBy(() -> new RoundRobin(Roster.of(ALICE), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the fallback queue must not be blank");
    }

    private static Rep inactive(Rep rep) {
        return new Rep(rep.id(), rep.name(), false);
    }
}
