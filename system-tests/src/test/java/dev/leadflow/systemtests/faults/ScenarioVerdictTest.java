package dev.leadflow.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.OwnerType;
import dev.leadflow.systemtests.faults.LeadTraffic.Attempt;
import dev.leadflow.systemtests.faults.LeadTraffic.Kind;
import dev.leadflow.systemtests.faults.LeadTraffic.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Routing decisions count by (qualificationId, reassignments): a reassignment is no duplicate, a repeat is. */
class ScenarioVerdictTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-24T10:00:00Z");
    private static final LeadProfile PROFILE = new LeadProfile("ada@example.com", "Ada", "Lovelace", "Engines",
            "VP", null, "GB", "1000+", "software");

    private final UUID leadId = UUID.randomUUID();
    private final LeadQualified qualified = new LeadQualified(UUID.randomUUID(), leadId, UUID.randomUUID(), "v1",
            120, 100, PROFILE, List.of(), CAPTURED, CAPTURED.plusMillis(100));

    @Test
    void aReassignmentAfterAMissedSlaIsNeitherADuplicateNorASecondRouting() {
        LeadRouted first = routed(0, null, CAPTURED.plusMillis(300));
        LeadRouted reassigned = routed(1, "alice", CAPTURED.plus(Duration.ofMinutes(5)));

        ScenarioVerdict verdict = judge(List.of(first, reassigned, first));

        assertThat(verdict.routed()).isEqualTo(1);
        assertThat(verdict.duplicated()).isZero();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.copies()).as("the same event id twice").isEqualTo(1);
        assertThat(verdict.slowestRouteSeconds()).as("the first routing's speed, not the reassignment's")
                .isEqualTo(0.3);
        assertThat(verdict.settled()).isTrue();
    }

    @Test
    void twoDecisionsForTheSameAssignmentAreADuplicate() {
        ScenarioVerdict verdict = judge(List.of(routed(0, null, CAPTURED.plusMillis(300)),
                routed(0, null, CAPTURED.plusMillis(400)), routed(1, "alice", CAPTURED.plusSeconds(300)),
                routed(1, "alice", CAPTURED.plusSeconds(301))));

        assertThat(verdict.routed()).isEqualTo(1);
        assertThat(verdict.duplicated()).isEqualTo(2);
    }

    @Test
    void aQualificationWithOnlyAReassignmentIsLostNotRouted() {
        ScenarioVerdict verdict = judge(List.of(routed(1, "alice", CAPTURED.plusSeconds(300))));

        assertThat(verdict.routed()).isZero();
        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(verdict.settled()).isFalse();
    }

    private ScenarioVerdict judge(List<LeadRouted> routings) {
        Submission submission = new Submission(1, Kind.QUALIFYING, "/api/v1/leads", "{}", PROFILE.email(), null);
        String answer = "{\"leadId\": \"" + leadId + "\", \"status\": \"accepted\"}";
        submission.attempts().add(new Attempt(202, 0, "application/json", answer, false, 5, null));
        submission.accept(answer);
        LeadCaptured captured = new LeadCaptured(UUID.randomUUID(), leadId, "demo", CAPTURED, false, PROFILE, true,
                false, null, null, null, null);
        TopicLedger ledger = new TopicLedger(Map.of(leadId, List.of(captured)), Map.of(),
                Map.of(leadId, List.of(qualified)), Map.of(leadId, new ArrayList<>(routings)), Set.of(), 0);
        return ScenarioVerdict.judge("test", List.of(submission), ledger);
    }

    /** A decision under a new event id. */
    private LeadRouted routed(int reassignments, String previousOwnerId, Instant routedAt) {
        return new LeadRouted(UUID.randomUUID(), leadId,
                qualified.qualificationId(), "bob", "Bob", OwnerType.REP, "everyone-else", "round robin",
                CAPTURED, qualified.qualifiedAt(), routedAt, routedAt.plusSeconds(300), PROFILE, 120, List.of(), null,
                null, reassignments, previousOwnerId);
    }
}
