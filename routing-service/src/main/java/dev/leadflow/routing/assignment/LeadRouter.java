package dev.leadflow.routing.assignment;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.OwnerType;
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
import dev.leadflow.routing.sla.Assignments;
import dev.leadflow.routing.sla.BusinessTime;
import dev.leadflow.routing.sla.SlaTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes a qualified lead: plans with the active routing model, locks the counters the plan needs, decides, stores
 * the decision, its counters and its first-contact SLA timer and publishes {@code lead.routed}, all in the caller's
 * transaction, so the decision, the counter moves, the timer and the event exist together or not at all. Also
 * reassigns a lead whose SLA was missed (see {@link #reassign}).
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
    private final SlaTimers timers;
    private final Assignments assignments;
    private final Event<LeadOwnerAssigned> ownerEvents;

    LeadRouter(RoutingModels models, DistributionCounters counters, RoutingDecisionRepository decisions,
            Outbox outbox, Clock clock, Event<LeadRoutedLocally> routedEvents, SlaTimers timers,
            Assignments assignments, Event<LeadOwnerAssigned> ownerEvents) {
        this.models = models;
        this.counters = counters;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
        this.routedEvents = routedEvents;
        this.timers = timers;
        this.assignments = assignments;
        this.ownerEvents = ownerEvents;
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
        LeadRouted routed = assign(engine, plan, teamState, qualified, Set.of(), null).orElseThrow();
        outbox.add(LeadRouted.TOPIC, LeadRouted.TYPE, qualified.leadId().toString(), routed);
        routedEvents.fire(new LeadRoutedLocally(routed.ownerType()));
    }

    /**
     * Routes the qualification of {@code missed} again on its stored input, skipping the reps in {@code excluded}
     * (the owners who missed its first-contact SLA): a new decision numbered {@code missed.reassignments + 1} with
     * its SLA timer, the new owner's load +1 and the previous owner's -1. Returns the {@code lead.routed} to publish
     * (the caller does, after its breach event), or empty when nothing changed: no other rep can take the lead (the
     * engine would send it to a queue), or this step was taken before. The caller holds {@code missed}'s row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LeadRouted> reassign(RoutingDecisionEntity missed, Set<String> excluded) {
        LeadQualified qualified = missed.getQualifiedLead();
        if (qualified == null) {
            return Optional.empty();
        }
        RoutingEngine engine = models.active();
        RoutingPlan plan = engine.plan(leadOf(qualified));
        TeamState teamState = plan.teamToLock().map(counters::lockTeam).orElse(TeamState.INITIAL);
        if (decisions.isRouted(qualified.qualificationId(), missed.getReassignments() + 1)) {
            return Optional.empty();
        }
        return assign(engine, plan, teamState, qualified, excluded, missed);
    }

    /**
     * Decides and stores one assignment (a first routing when {@code previous} is null, else a reassignment away
     * from it); empty only for a reassignment that found no rep.
     */
    private Optional<LeadRouted> assign(RoutingEngine engine, RoutingPlan plan, TeamState teamState,
            LeadQualified qualified, Set<String> excluded, RoutingDecisionEntity previous) {
        List<Rep> reps = new ArrayList<>(plan.repsToLock().stream()
                .map(id -> engine.model().rep(id).orElseThrow()).toList());
        if (previous != null && OwnerType.REP.equals(previous.getOwnerType())
                && !plan.repsToLock().contains(previous.getOwnerId())) {
            // Locked with the others, in id order, because its load moves too.
            engine.model().rep(previous.getOwnerId()).ifPresent(reps::add);
        }
        // Read the clock once the locks are held, so decisions on one team are in routedAt order.
        // Microseconds: what PostgreSQL stores, so the audit row and the event carry the same instants.
        Instant routedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, RepLoad> loads = counters.lockLoads(reps, routedAt);
        RoutingDecision decision = engine.decide(plan, loads, teamState, routedAt, excluded);
        if (previous != null && !(decision.assignee() instanceof Assignee.ToRep)) {
            return Optional.empty();
        }
        Optional<String> team = plan.teamToLock();
        if (team.isPresent() && decision.teamStateAfter() != null) {
            counters.saveTeam(team.get(), decision.teamStateAfter());
        }
        String bookingLink = null;
        Instant heldUntil = null;
        BusinessTime ownerTime = BusinessTime.WALL_CLOCK;
        if (decision.assignee() instanceof Assignee.ToRep toRep) {
            counters.recordAssignment(toRep.rep(), routedAt);
            bookingLink = toRep.rep().bookingLink();
            heldUntil = toRep.heldUntil();
            ownerTime = BusinessTime.of(toRep.rep());
        }
        // The first-contact clock runs in the owner's business time, from when the owner can take the lead.
        Instant slaStart = heldUntil == null ? routedAt : heldUntil;
        Instant slaDueAt = ownerTime.addTo(slaStart, decision.firstContactSla());
        UUID eventId = UUID.randomUUID();
        List<ScoreReason> scoreReasons =
                qualified.reasons() == null ? List.of() : List.copyOf(qualified.reasons());
        Assignee owner = decision.assignee();
        int reassignments = previous == null ? 0 : previous.getReassignments() + 1;
        String previousOwnerId = previous == null ? null : previous.getOwnerId();

        RoutingDecisionEntity entity = new RoutingDecisionEntity(eventId, qualified.leadId(),
                qualified.qualificationId(), owner.id(), owner.displayName(), owner.type(), decision.ruleId(),
                decision.reason(), decision.candidates(), qualified.total(), qualified.capturedAt(),
                qualified.qualifiedAt(), routedAt, slaDueAt, bookingLink, heldUntil, decision.explanation(), qualified);
        if (previous != null) {
            entity.reassignedFrom(previousOwnerId, reassignments);
        }
        decisions.persist(entity);
        ownerEvents.fire(new LeadOwnerAssigned(qualified.leadId(), owner.displayName(), owner.type(), bookingLink));
        if (previous != null) {
            assignments.release(previous, "reassigned", routedAt);
        }
        if (owner instanceof Assignee.ToRep) {
            timers.start(entity, plan.rule() == null ? decision.ruleId() : plan.rule().id(), slaStart);
        }
        LOG.infof("Routed lead %s (qualification %s%s) to %s %s by %s (model v%d)", qualified.leadId(),
                qualified.qualificationId(), previous == null ? "" : ", reassignment " + reassignments, owner.type(),
                owner.id(), decision.ruleId(), decision.explanation().modelVersion());
        return Optional.of(new LeadRouted(eventId, qualified.leadId(), qualified.qualificationId(), owner.id(),
                owner.displayName(), owner.type(), decision.ruleId(), decision.reason(), qualified.capturedAt(),
                qualified.qualifiedAt(), routedAt, slaDueAt, qualified.profile(), qualified.total(), scoreReasons,
                bookingLink, qualified.touchpoints(), reassignments, previousOwnerId));
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
