package dev.leadflow.routing.assignment;

import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.routing.config.RoutingConfig;
import dev.leadflow.routing.decision.AssignToRep;
import dev.leadflow.routing.decision.RoundRobin;
import dev.leadflow.routing.decision.RoutingDecision;
import dev.leadflow.routing.repository.RoundRobinCursor;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes a qualified lead: takes the rotation's turn, stores the decision and publishes {@code lead.routed}, all in
 * the caller's transaction, so the decision, the cursor move and the event exist together or not at all.
 */
@ApplicationScoped
public class LeadRouter {

    private static final Logger LOG = Logger.getLogger(LeadRouter.class);

    private final RoundRobin roundRobin;
    private final RoundRobinCursor cursor;
    private final RoutingDecisionRepository decisions;
    private final Outbox outbox;
    private final RoutingConfig config;
    private final Clock clock;
    private final Event<LeadRoutedLocally> routedEvents;

    LeadRouter(RoundRobin roundRobin, RoundRobinCursor cursor, RoutingDecisionRepository decisions, Outbox outbox,
            RoutingConfig config, Clock clock, Event<LeadRoutedLocally> routedEvents) {
        this.roundRobin = roundRobin;
        this.cursor = cursor;
        this.decisions = decisions;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.routedEvents = routedEvents;
    }

    /**
     * Routes the qualification unless it was routed before (under any event id).
     *
     * @throws PoisonEventException when the event lacks what routing needs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void route(LeadQualified qualified) {
        requireRoutable(qualified);
        // Taking the lock first serialises routings, which also makes the "already routed" check race-free.
        Optional<String> lastAssignedRep = cursor.lockAndReadLastAssignedRep();
        if (decisions.isRouted(qualified.qualificationId())) {
            LOG.infof("Qualification %s of lead %s was already routed; ignored", qualified.qualificationId(),
                    qualified.leadId());
            return;
        }
        RoutingDecision decision = roundRobin.next(lastAssignedRep);
        if (decision instanceof AssignToRep assignment) {
            cursor.advanceTo(assignment.rep().id());
        }
        // Microseconds: what PostgreSQL stores, so the audit row and the event carry the same instants.
        Instant routedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant slaDueAt = routedAt.plus(config.firstContactSla());
        UUID eventId = UUID.randomUUID();
        List<ScoreReason> scoreReasons =
                qualified.reasons() == null ? List.of() : List.copyOf(qualified.reasons());

        decisions.persist(new RoutingDecisionEntity(eventId, qualified.leadId(), qualified.qualificationId(),
                decision.ownerId(), decision.ownerName(), decision.ownerType(), decision.ruleId(), decision.reason(),
                decision.candidates(), qualified.total(), qualified.capturedAt(), qualified.qualifiedAt(), routedAt,
                slaDueAt));
        outbox.add(LeadRouted.TOPIC, LeadRouted.TYPE, qualified.leadId().toString(), new LeadRouted(eventId,
                qualified.leadId(), qualified.qualificationId(), decision.ownerId(), decision.ownerName(),
                decision.ownerType(), decision.ruleId(), decision.reason(), qualified.capturedAt(),
                qualified.qualifiedAt(), routedAt, slaDueAt, qualified.profile(), qualified.total(), scoreReasons));
        routedEvents.fire(new LeadRoutedLocally(decision.ownerType()));
        LOG.infof("Routed lead %s (qualification %s) to %s %s by %s", qualified.leadId(), qualified.qualificationId(),
                decision.ownerType(), decision.ownerId(), decision.ruleId());
    }

    private static void requireRoutable(LeadQualified qualified) {
        PoisonEventException.require(qualified.leadId() != null, "missing leadId");
        PoisonEventException.require(qualified.qualificationId() != null, "missing qualificationId");
        PoisonEventException.require(qualified.capturedAt() != null, "missing capturedAt");
        PoisonEventException.require(qualified.qualifiedAt() != null, "missing qualifiedAt");
        PoisonEventException.require(qualified.profile() != null, "missing profile");
    }
}
