package dev.leadflow.routing.rest;

import dev.leadflow.routing.decision.Explanation;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.sla.SlaTimer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One routing decision in the audit, with its full explanation (account step, rules evaluated, candidates skipped
 * and why, the choice), its place among the qualification's reassignments and its first-contact SLA; carries no lead
 * personal data.
 */
public record DecisionView(UUID decisionId, UUID qualificationId, String ownerId, String ownerName,
        String ownerType, String ownerBookingLink, String ruleId, String reason, List<String> candidates, int score,
        Instant capturedAt, Instant qualifiedAt, Instant routedAt, Instant heldUntil, Instant slaDueAt,
        Integer modelVersion, Explanation explanation, int reassignments, String previousOwnerId, SlaView sla) {

    /** {@code timer}: the decision's first-contact SLA timer, null for a queue (or a decision before timers). */
    static DecisionView of(RoutingDecisionEntity decision, SlaTimer timer) {
        return new DecisionView(decision.getId(), decision.getQualificationId(), decision.getOwnerId(),
                decision.getOwnerName(), decision.getOwnerType(), decision.getOwnerBookingLink(), decision.getRuleId(),
                decision.getReason(), decision.getCandidates(), decision.getScore(), decision.getCapturedAt(),
                decision.getQualifiedAt(), decision.getRoutedAt(), decision.getHeldUntil(), decision.getSlaDueAt(),
                decision.getModelVersion(), decision.getExplanation(), decision.getReassignments(),
                decision.getPreviousOwnerId(), timer == null ? null : SlaView.of(timer));
    }
}
