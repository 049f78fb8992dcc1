package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadStageChanged;
import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.scoring.config.ScoringConfig;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoreDecision;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import dev.leadflow.scoring.modelstore.ActiveModel;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps each lead's score and marketing stage up to date as captures, touchpoints and CRM outcomes arrive. Publishes
 * {@code lead.scored} when the score changes (and records it in the lead's history), {@code lead.qualified} once per
 * qualification, and {@code lead.stage-changed} for every stage it moves a lead to: lead (first capture), mql
 * (qualified), recycled (opportunity lost, rep disqualified), nurture (decayed short of the policy). Runs inside the
 * consumer's transaction, so state, inbox entry and outgoing events commit together.
 */
@ApplicationScoped
public class LeadScoringService {

    /** Most history entries one request returns. */
    public static final int HISTORY_LIMIT = 100;

    private static final Logger LOG = Logger.getLogger(LeadScoringService.class);
    private static final Comparator<Touchpoint> TOUCHPOINT_ORDER = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(touchpoint -> String.valueOf(touchpoint.id()));

    private final LeadStateRepository leads;
    private final ScoringModelStore models;
    private final Outbox outbox;
    private final Event<LeadScored> scoredNotices;
    private final Event<LeadQualified> qualifiedNotices;
    private final Set<String> subscriptionForms;

    LeadScoringService(LeadStateRepository leads, ScoringModelStore models, Outbox outbox,
            Event<LeadScored> scoredNotices, Event<LeadQualified> qualifiedNotices, ScoringConfig config) {
        this.subscriptionForms = Set.copyOf(config.subscriptionForms());
        this.leads = leads;
        this.models = models;
        this.outbox = outbox;
        this.scoredNotices = scoredNotices;
        this.qualifiedNotices = qualifiedNotices;
    }

    /** A form submission: {@link #onLeadsCaptured} with one capture. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadCaptured(LeadCaptured captured) {
        onLeadsCaptured(List.of(captured));
    }

    /**
     * Form submissions, in order: each updates its lead's profile, counts as a form_submit touchpoint and rescores the
     * lead. A first capture enters the funnel as a lead, or as a subscriber through a subscription form; a subscriber
     * submitting any other form becomes a lead. The batch is scored in memory and written with one statement per
     * table (see {@link PendingWrites}); a lead captured twice in the batch sees its first capture when the second is
     * scored, as it would one event at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadsCaptured(List<LeadCaptured> captures) {
        for (LeadCaptured captured : captures) {
            PoisonEventException.require(captured.leadId() != null, "missing leadId");
            PoisonEventException.require(captured.profile() != null, "missing profile");
            PoisonEventException.require(captured.capturedAt() != null, "missing capturedAt");
        }
        leads.linkVisitors(captures.stream().filter(captured -> !isBlank(captured.anonymousId()))
                .map(captured -> Map.entry(captured.anonymousId(), captured.leadId())).toList());
        Map<UUID, ScoredLead> locked = leads.lockAll(captures.stream().map(LeadCaptured::leadId).toList());
        Map<UUID, List<Touchpoint>> touchpoints = leads.touchpointsOf(locked.keySet());
        PendingWrites writes = new PendingWrites();
        for (LeadCaptured captured : captures) {
            ScoredLead lead = locked.get(captured.leadId());
            Instant now = now();
            lead.recordCapture(new LeadFacts(captured.profile(), captured.utm(), captured.formId(),
                    captured.pageUrl(), captured.referrer(), captured.freeMailDomain(),
                    captured.disposableEmailDomain()), captured.capturedAt());
            boolean subscription = subscriptionForms.contains(captured.formId());
            if (lead.stage().isEmpty()) {
                moveTo(lead, subscription ? LifecycleStage.SUBSCRIBER : LifecycleStage.LEAD,
                        (subscription ? "subscribed through form " : "submitted form ") + captured.formId(), now,
                        writes);
            } else if (!subscription && lead.stage().get() == LifecycleStage.SUBSCRIBER) {
                moveTo(lead, LifecycleStage.LEAD, "submitted form " + captured.formId(), now, writes);
            }
            // The capture's event id names its form_submit touchpoint, so a replayed capture cannot count twice.
            // Microseconds, as PostgreSQL keeps it: the lead is scored now exactly as it will be re-scored later.
            Touchpoint formSubmit = new Touchpoint(captured.eventId(), TouchpointTypes.FORM_SUBMIT, captured.pageUrl(),
                    null, captured.utm(), captured.capturedAt().truncatedTo(ChronoUnit.MICROS));
            List<Touchpoint> ofLead = touchpoints.computeIfAbsent(lead.leadId(), id -> new ArrayList<>());
            if (insertInOrder(ofLead, formSubmit)) {
                writes.touchpoint(lead.leadId(), null, formSubmit);
            }
            rescore(lead, ofLead, now, null, null, writes);
        }
        writes.writeTo(leads, outbox);
    }

    /**
     * Adds the touchpoint where the repository would list it (by time, then by id as PostgreSQL orders uuids); false
     * when the list has it already.
     */
    private static boolean insertInOrder(List<Touchpoint> touchpoints, Touchpoint added) {
        int at = touchpoints.size();
        for (int i = touchpoints.size() - 1; i >= 0; i--) {
            Touchpoint existing = touchpoints.get(i);
            if (added.id().equals(existing.id())) {
                return false;
            }
            if (TOUCHPOINT_ORDER.compare(existing, added) > 0) {
                at = i;
            }
        }
        touchpoints.add(at, added);
        return true;
    }

    /** A touchpoint: {@link #onTouchpointsRecorded} with one touchpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTouchpointRecorded(TouchpointRecorded touchpoint) {
        onTouchpointsRecorded(List.of(touchpoint));
    }

    /**
     * Touchpoints, in order: each is attached to its lead and rescores it, or is kept for its anonymous visitor until
     * a capture names the lead. A touchpoint stored before (same touchpoint id) changes nothing. Like captures, the
     * batch is scored in memory and written with one statement per table, with the outcome of one event at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTouchpointsRecorded(List<TouchpointRecorded> recorded) {
        for (TouchpointRecorded touchpoint : recorded) {
            PoisonEventException.require(!isBlank(touchpoint.type()), "missing type");
            PoisonEventException.require(touchpoint.leadId() != null || !isBlank(touchpoint.anonymousId()),
                    "missing leadId and anonymousId");
        }
        // Visitors before leads, the order every transaction takes their locks in.
        Map<String, UUID> visitorLeads = leads.lockVisitors(recorded.stream()
                .filter(touchpoint -> touchpoint.leadId() == null).map(TouchpointRecorded::anonymousId).toList());
        Map<UUID, ScoredLead> locked = leads.lockAll(recorded.stream()
                .map(touchpoint -> leadOf(touchpoint, visitorLeads)).filter(Objects::nonNull).toList());
        Map<UUID, List<Touchpoint>> touchpoints = leads.touchpointsOf(locked.keySet());
        Set<UUID> stored = new HashSet<>(leads.storedTouchpointIds(recorded.stream()
                .map(LeadScoringService::touchpointIdOf).toList()));
        PendingWrites writes = new PendingWrites();
        for (TouchpointRecorded recordedTouchpoint : recorded) {
            Instant occurredAt = Stream.of(recordedTouchpoint.occurredAt(), recordedTouchpoint.recordedAt())
                    .filter(Objects::nonNull).findFirst().orElseGet(Instant::now).truncatedTo(ChronoUnit.MICROS);
            Touchpoint touchpoint = new Touchpoint(touchpointIdOf(recordedTouchpoint), recordedTouchpoint.type(),
                    recordedTouchpoint.url(), recordedTouchpoint.campaign(), recordedTouchpoint.utm(), occurredAt);
            if (!stored.add(touchpoint.id())) {
                continue;
            }
            UUID leadId = leadOf(recordedTouchpoint, visitorLeads);
            writes.touchpoint(leadId, recordedTouchpoint.anonymousId(), touchpoint);
            if (leadId != null) {
                List<Touchpoint> ofLead = touchpoints.computeIfAbsent(leadId, id -> new ArrayList<>());
                insertInOrder(ofLead, touchpoint);
                rescore(locked.get(leadId), ofLead, now(), null, touchpoint.type(), writes);
            }
        }
        writes.writeTo(leads, outbox);
    }

    /** The touchpoint's lead: named by the event, or the lead its visitor is known to be; null while unknown. */
    private static UUID leadOf(TouchpointRecorded touchpoint, Map<String, UUID> visitorLeads) {
        return touchpoint.leadId() != null ? touchpoint.leadId() : visitorLeads.get(touchpoint.anonymousId());
    }

    private static UUID touchpointIdOf(TouchpointRecorded touchpoint) {
        return touchpoint.touchpointId() != null ? touchpoint.touchpointId() : touchpoint.eventId();
    }

    /**
     * An opportunity was lost: an MQL (or a lead further down the funnel) is recycled to marketing, closing its
     * qualification, so it can qualify again later with a new one. Other leads (unknown, never qualified, already
     * recycled) are left as they are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onOpportunityLost(OpportunityLost lost) {
        recycle(lost.leadId(), OpportunityLost.TYPE, lost.reason());
    }

    /**
     * A rep disqualified the lead in the CRM: handed back to marketing exactly like a lost opportunity (recycled, with
     * the CRM's reason, closing its qualification), so it qualifies again only when a later re-score meets the policy,
     * i.e. when it engages again (or a model change lifts it). Not the terminal {@code disqualified} stage: a rep's
     * "not now" is not "never a buyer", and nothing in the CRM event tells the two apart.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadDisqualified(LeadDisqualified disqualified) {
        PoisonEventException.require(disqualified.leadId() != null, "missing leadId");
        recycle(disqualified.leadId(), LeadDisqualified.TYPE, disqualified.reason());
    }

    /** Recycles an MQL (or a lead further down the funnel); other leads (unknown, never qualified, recycled) stay. */
    private void recycle(UUID leadId, String cause, String crmReason) {
        PendingWrites writes = new PendingWrites();
        leads.lockIfKnown(leadId)
                .filter(lead -> lead.stage().map(stage -> stage.canMoveTo(LifecycleStage.RECYCLED)).orElse(false))
                .ifPresentOrElse(
                        lead -> moveTo(lead, LifecycleStage.RECYCLED,
                                cause + (isBlank(crmReason) ? "" : ": " + crmReason), now(), writes),
                        () -> LOG.debugf("Lead %s: %s, but not a lead scoring can recycle", leadId, cause));
        writes.writeTo(leads, outbox);
    }

    /**
     * Rescores one lead with the active model at {@code now}, in its own transaction, exactly as a new touchpoint
     * would: {@code lead.scored} when the points changed, a new qualification when it now meets the policy and its
     * stage allows (an MQL or a lead sales owns is never un-qualified). On {@link RescoreCause#DECAY} a lead or
     * recycled lead whose total fell short of the policy also moves to nurture. A lead nothing is known about is left
     * alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RescoreOutcome rescore(UUID leadId, Instant now, RescoreCause cause) {
        PendingWrites writes = new PendingWrites();
        RescoreOutcome outcome = leads.lockIfKnown(leadId)
                .map(lead -> rescore(lead, leads.touchpointsOf(leadId), now, cause, null, writes))
                .orElse(RescoreOutcome.UNCHANGED);
        writes.writeTo(leads, outbox);
        return outcome;
    }

    /** The {@code limit} most recently captured leads (never those known only from touchpoints), newest first. */
    @Transactional
    public List<ScoredLead> latestCaptured(int limit) {
        return leads.latestCaptured(limit);
    }

    /** The touchpoints of each of the leads, oldest first. */
    @Transactional
    public Map<UUID, List<Touchpoint>> touchpointsOf(Collection<UUID> leadIds) {
        return leads.touchpointsOf(leadIds);
    }

    /** The lead's published scores, newest first, at most {@link #HISTORY_LIMIT}. */
    @Transactional
    public List<ScoreHistoryEntry> history(UUID leadId) {
        return leads.historyOf(leadId, HISTORY_LIMIT);
    }

    /** The lead's state, once it was scored (a lead only locked by a touchpoint seen before has no score). */
    @Transactional
    public Optional<ScoredLead> find(UUID leadId) {
        return leads.find(leadId).filter(lead -> lead.score().isPresent());
    }

    /**
     * @param touchpoints all the lead's touchpoints, in the repository's order
     * @param cause why the lead is re-scored without a new event; null for a new event
     * @param touchpointType the type of the touchpoint that arrived; null for anything else
     */
    private RescoreOutcome rescore(ScoredLead lead, List<Touchpoint> touchpoints, Instant now, RescoreCause cause,
            String touchpointType, PendingWrites writes) {
        ActiveModel active = models.active();
        ScoringModel model = active.model();
        Score score = model.score(lead.facts(), touchpoints, now);
        if (touchpointType != null && lead.stage().orElse(null) == LifecycleStage.SUBSCRIBER
                && ScoreDecision.engaged(lead.score().orElse(null), score)) {
            moveTo(lead, LifecycleStage.LEAD, "engaged: " + touchpointType, now, writes);
        }
        ScoreDecision decision = cause == RescoreCause.DECAY
                ? ScoreDecision.decideOnDecay(lead.score().orElse(null), score, model.policy(), lead.stage().orElse(null))
                : ScoreDecision.decide(lead.score().orElse(null), score, model.policy(), lead.stage().orElse(null));
        if (!decision.publish()) {
            return RescoreOutcome.UNCHANGED;
        }
        String grade = model.grade(score);
        lead.recordScore(score, grade, active.modelVersion(), model.threshold(), now);
        if (decision.qualify()) {
            LifecycleStage from = lead.stage().orElseThrow();
            lead.qualify(UUID.randomUUID(), now);
            publishStageChange(lead, from, "reached threshold " + model.threshold() + " with " + score.total()
                    + " points (fit " + score.fit() + ", engagement " + score.engagement() + ")", now, writes);
        }
        if (decision.nurture()) {
            moveTo(lead, LifecycleStage.NURTURE, "engagement decayed to " + score.engagement() + " (total "
                    + score.total() + "), short of the MQL policy (threshold " + model.threshold() + ")", now, writes);
        }
        writes.history(new ScoreHistoryEntry(lead));
        String key = lead.leadId().toString();
        LeadScored scored = new LeadScored(UUID.randomUUID(), lead.leadId(), active.modelVersion(), score.fit(),
                score.engagement(), score.total(), model.threshold(), lead.qualified(), score.reasons(),
                lead.lastCapturedAt(), now, grade, lead.stage().map(LifecycleStage::key).orElse(null));
        writes.publish(LeadScored.TOPIC, LeadScored.TYPE, key, scored);
        scoredNotices.fire(scored);
        LOG.debugf("Lead %s scored %d (fit %d, engagement %d)%s", lead.leadId(), score.total(), score.fit(),
                score.engagement(), decision.qualify() ? ", qualified" : "");
        if (decision.qualify()) {
            LeadFacts facts = lead.facts();
            LeadQualified qualified = new LeadQualified(UUID.randomUUID(), lead.leadId(), lead.qualificationId(),
                    active.modelVersion(), score.total(), model.threshold(), lead.profile(), score.reasons(),
                    lead.lastCapturedAt(), now, facts.freeMailDomain(), facts.formId(), facts.utm(), grade,
                    TouchpointSummaries.of(touchpoints));
            writes.publish(LeadQualified.TOPIC, LeadQualified.TYPE, key, qualified);
            qualifiedNotices.fire(qualified);
            return RescoreOutcome.QUALIFIED;
        }
        return RescoreOutcome.CHANGED;
    }

    private static void moveTo(ScoredLead lead, LifecycleStage target, String reason, Instant now,
            PendingWrites writes) {
        LifecycleStage from = lead.stage().orElse(null);
        lead.moveTo(target);
        publishStageChange(lead, from, reason, now, writes);
    }

    private static void publishStageChange(ScoredLead lead, LifecycleStage from, String reason, Instant now,
            PendingWrites writes) {
        LifecycleStage to = lead.stage().orElseThrow();
        // Entering MQL opens a qualification and leaving it closes one; either way the event names it.
        UUID qualificationId = to == LifecycleStage.MQL || from == LifecycleStage.MQL ? lead.qualificationId() : null;
        LeadStageChanged changed = new LeadStageChanged(UUID.randomUUID(), lead.leadId(),
                from == null ? null : from.key(), to.key(), reason, qualificationId, now);
        writes.publish(LeadStageChanged.TOPIC, LeadStageChanged.TYPE, lead.leadId().toString(), changed);
        LOG.debugf("Lead %s moved from %s to %s: %s", lead.leadId(), changed.from(), changed.to(), reason);
    }

    /** The time of a change, in microseconds as PostgreSQL keeps it, so events and stored state agree exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
