package dev.leadflow.routing.assignment;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.routing.decision.Assignee;
import dev.leadflow.routing.decision.Lead;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RepLoad;
import dev.leadflow.routing.decision.RoutingDecision;
import dev.leadflow.routing.decision.RoutingEngine;
import dev.leadflow.routing.decision.RoutingPlan;
import dev.leadflow.routing.decision.TeamState;
import dev.leadflow.routing.model.RoutingModels;
import dev.leadflow.routing.repository.DistributionCounters;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes a qualified lead: plans with the active routing model, locks the counters the plan needs, decides, stores
 * the decision and its counters and publishes {@code lead.routed}, all in the caller's transaction, so the decision,
 * the counter moves and the event exist together or not at all.
 */
@ApplicationScoped
public class LeadRouter {

    private static final Logger LOG = Logger.getLogger(LeadRouter.class);

    private final RoutingModels models;
    private final DistributionCounters counters;
    private final RoutingDecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<LeadRoutedLocally> routedEvents;

    LeadRouter(RoutingModels models, DistributionCounters counters, RoutingDecisionRepository decisions,
            Outbox outbox, Clock clock, Event<LeadRoutedLocally> routedEvents) {
        this.models = models;
        this.counters = counters;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
        this.routedEvents = routedEvents;
    }

    /**
     * Routes the qualification unless it was routed before (under any event id; the unique qualification id backs
     * this up for routings that take no team lock).
     *
     * @throws PoisonEventException when the event lacks what routing needs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void route(LeadQualified qualified) {
        requireRoutable(qualified);
        RoutingEngine engine = models.active();
        RoutingPlan plan = engine.plan(leadOf(qualified));
        // Team first, then reps in id order: the one lock order every routing uses, so none can deadlock another.
        Optional<String> team = plan.teamToLock();
        TeamState teamState = team.map(counters::lockTeam).orElse(TeamState.INITIAL);
        // Checked under the team's lock, so a redelivery racing the first delivery sees its committed decision.
        if (decisions.isRouted(qualified.qualificationId())) {
            LOG.infof("Qualification %s of lead %s was already routed; ignored", qualified.qualificationId(),
                    qualified.leadId());
            return;
        }
        List<Rep> reps = plan.repsToLock().stream().map(id -> engine.model().rep(id).orElseThrow()).toList();
        // Read the clock once the locks are held, so decisions on one team are in routedAt order.
        // Microseconds: what PostgreSQL stores, so the audit row and the event carry the same instants.
        Instant routedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, RepLoad> loads = counters.lockLoads(reps, routedAt);
        RoutingDecision decision = engine.decide(plan, loads, teamState, routedAt);
        if (team.isPresent() && decision.teamStateAfter() != null) {
            counters.saveTeam(team.get(), decision.teamStateAfter());
        }
        String bookingLink = null;
        Instant heldUntil = null;
        if (decision.assignee() instanceof Assignee.ToRep toRep) {
            counters.recordAssignment(toRep.rep(), routedAt);
            bookingLink = toRep.rep().bookingLink();
            heldUntil = toRep.heldUntil();
        }
        // A held lead's first-contact clock starts when its rep becomes available.
        Instant slaDueAt = (heldUntil == null ? routedAt : heldUntil).plus(decision.firstContactSla());
        UUID eventId = UUID.randomUUID();
        List<ScoreReason> scoreReasons =
                qualified.reasons() == null ? List.of() : List.copyOf(qualified.reasons());
        Assignee owner = decision.assignee();

        decisions.persist(new RoutingDecisionEntity(eventId, qualified.leadId(), qualified.qualificationId(),
                owner.id(), owner.displayName(), owner.type(), decision.ruleId(), decision.reason(),
                decision.candidates(), qualified.total(), qualified.capturedAt(), qualified.qualifiedAt(), routedAt,
                slaDueAt, bookingLink, heldUntil, decision.explanation(), qualified));
        outbox.add(LeadRouted.TOPIC, LeadRouted.TYPE, qualified.leadId().toString(), new LeadRouted(eventId,
                qualified.leadId(), qualified.qualificationId(), owner.id(), owner.displayName(), owner.type(),
                decision.ruleId(), decision.reason(), qualified.capturedAt(), qualified.qualifiedAt(), routedAt,
                slaDueAt, qualified.profile(), qualified.total(), scoreReasons, bookingLink, qualified.touchpoints(), 0,
                null));
        routedEvents.fire(new LeadRoutedLocally(owner.type()));
        LOG.infof("Routed lead %s (qualification %s) to %s %s by %s (model v%d)", qualified.leadId(),
                qualified.qualificationId(), owner.type(), owner.id(), decision.ruleId(),
                decision.explanation().modelVersion());
    }

    /** What the engine knows of a qualified lead; also how a simulation replays a stored one. */
    public static Lead leadOf(LeadQualified qualified) {
        LeadProfile profile = qualified.profile();
        return new Lead(profile.email(), profile.company(), profile.jobTitle(), profile.country(), profile.region(),
                profile.postalCode(),
                profile.companySize(), profile.industry(), qualified.total(), qualified.grade(), qualified.formId(),
                qualified.utm() == null ? null : qualified.utm().source(),
                qualified.utm() == null ? null : qualified.utm().medium(),
                qualified.utm() == null ? null : qualified.utm().campaign(), qualified.freeMailDomain());
    }

    private static void requireRoutable(LeadQualified qualified) {
        PoisonEventException.require(qualified.leadId() != null, "missing leadId");
        PoisonEventException.require(qualified.qualificationId() != null, "missing qualificationId");
        PoisonEventException.require(qualified.capturedAt() != null, "missing capturedAt");
        PoisonEventException.require(qualified.qualifiedAt() != null, "missing qualifiedAt");
        PoisonEventException.require(qualified.profile() != null, "missing profile");
    }
}
