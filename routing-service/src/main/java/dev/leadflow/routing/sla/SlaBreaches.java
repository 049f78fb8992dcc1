package dev.leadflow.routing.sla;

import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.OwnerType;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.routing.assignment.LeadRouter;
import dev.leadflow.routing.decision.Escalation;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.model.RoutingModels;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Handles missed first-contact SLAs: per due timer, in one transaction with the timer's row lock, marks it breached,
 * publishes {@code lead.sla-breached} and follows the rule's escalation (name the manager, reassign). Lock order:
 * the timer, its decision, then (reassigning) the team and the reps, as routing does; CRM outcomes take the timer
 * before the decision too, so none of them can deadlock another.
 */
@ApplicationScoped
public class SlaBreaches {

    private static final Logger LOG = Logger.getLogger(SlaBreaches.class);

    private final SlaTimers timers;
    private final RoutingDecisionRepository decisions;
    private final RoutingModels models;
    private final LeadRouter router;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<SlaBreachedLocally> breaches;
    private final EntityManager entityManager;

    SlaBreaches(SlaTimers timers, RoutingDecisionRepository decisions, RoutingModels models, LeadRouter router,
            Outbox outbox, Clock clock, Event<SlaBreachedLocally> breaches, EntityManager entityManager) {
        this.timers = timers;
        this.decisions = decisions;
        this.models = models;
        this.router = router;
        this.outbox = outbox;
        this.clock = clock;
        this.breaches = breaches;
        this.entityManager = entityManager;
    }

    /** Handles up to {@code pageSize} due timers in one transaction; returns how many it claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int handleDue(int pageSize) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SlaTimer> due = timers.claimDue(now, pageSize);
        for (SlaTimer timer : due) {
            breach(timer, now);
            // Each timer starts from an empty session: otherwise every flush of a page dirty-checks the decisions,
            // reps and counters all earlier timers loaded, and a burst of breaches costs the square of its size.
            entityManager.flush();
            entityManager.clear();
        }
        return due.size();
    }

    private void breach(SlaTimer timer, Instant now) {
        RoutingDecisionEntity missed = decisions.lock(timer.decisionId()).orElseThrow();
        RoutingModel model = models.active().model();
        Escalation escalation = EscalationPolicy.of(model, timer.ruleId());
        String manager = EscalationPolicy.managerToNotify(model, timer.ruleId(), timer.ownerId()).orElse(null);
        Optional<LeadRouted> reassigned = Optional.empty();
        String outcome;
        if (!escalation.reassign()) {
            outcome = manager == null ? LeadSlaBreached.ESCALATION_NONE : LeadSlaBreached.ESCALATION_NOTIFIED;
        } else if (!EscalationPolicy.mayReassign(escalation, timer.reassignments())) {
            outcome = LeadSlaBreached.ESCALATION_EXHAUSTED;
        } else {
            reassigned = router.reassign(missed, ownersWhoMissed(missed));
            outcome = reassigned.isPresent()
                    ? LeadSlaBreached.ESCALATION_REASSIGNED : LeadSlaBreached.ESCALATION_NO_OTHER_REP;
        }
        String reassignedTo = reassigned.map(LeadRouted::ownerId).orElse(null);
        timers.breached(timer.decisionId(), now, outcome, manager, reassignedTo);
        // The breach first, then the new owner's lead.routed: consumers of the lead's partition see them in order.
        outbox.add(LeadSlaBreached.TOPIC, LeadSlaBreached.TYPE, timer.leadId().toString(), new LeadSlaBreached(
                UUID.randomUUID(), timer.leadId(), timer.ownerId(), missed.getRoutedAt(), timer.dueAt(), now,
                timer.qualificationId(), timer.ruleId(), timer.reassignments(), outcome, manager, reassignedTo));
        reassigned.ifPresent(routed -> outbox.add(LeadRouted.TOPIC, LeadRouted.TYPE, routed.leadId().toString(),
                routed));
        breaches.fire(new SlaBreachedLocally(outcome));
        LOG.infof("First-contact SLA of lead %s (qualification %s, assignment %d, owner %s) breached: %s%s%s",
                timer.leadId(), timer.qualificationId(), timer.reassignments(), timer.ownerId(), outcome,
                manager == null ? "" : ", notify " + manager, reassignedTo == null ? "" : ", now " + reassignedTo);
    }

    /** Every rep who owned this qualification so far: the current owner and those before it. */
    private Set<String> ownersWhoMissed(RoutingDecisionEntity missed) {
        return decisions.findByQualification(missed.getQualificationId()).stream()
                .filter(decision -> OwnerType.REP.equals(decision.getOwnerType()))
                .map(RoutingDecisionEntity::getOwnerId).collect(Collectors.toUnmodifiableSet());
    }
}
