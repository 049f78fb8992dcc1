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
import java.util.Collection;
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

    /**
     * A form submission: updates the profile, counts the submission as a form_submit touchpoint, rescores. A first
     * capture enters the funnel as a lead, or as a subscriber through a subscription form; a subscriber submitting any
     * other form becomes a lead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadCaptured(LeadCaptured captured) {
        PoisonEventException.require(captured.leadId() != null, "missing leadId");
        PoisonEventException.require(captured.profile() != null, "missing profile");
        PoisonEventException.require(captured.capturedAt() != null, "missing capturedAt");
        if (!isBlank(captured.anonymousId())) {
            leads.linkVisitor(captured.anonymousId(), captured.leadId());
        }
        ScoredLead lead = leads.lock(captured.leadId());
        lead.recordCapture(new LeadFacts(captured.profile(), captured.utm(), captured.formId(), captured.pageUrl(),
                captured.referrer(), captured.freeMailDomain(), captured.disposableEmailDomain()),
                captured.capturedAt());
        boolean subscription = subscriptionForms.contains(captured.formId());
        if (lead.stage().isEmpty()) {
            moveTo(lead, subscription ? LifecycleStage.SUBSCRIBER : LifecycleStage.LEAD,
                    (subscription ? "subscribed through form " : "submitted form ") + captured.formId(), Instant.now());
        } else if (!subscription && lead.stage().get() == LifecycleStage.SUBSCRIBER) {
            moveTo(lead, LifecycleStage.LEAD, "submitted form " + captured.formId(), Instant.now());
        }
        // The capture's event id names its form_submit touchpoint, so a replayed capture cannot count twice.
        leads.addTouchpoint(captured.eventId(), captured.leadId(), null, TouchpointTypes.FORM_SUBMIT,
                captured.pageUrl(), null, captured.utm(), captured.capturedAt());
        rescore(lead);
    }

    /** A touchpoint: attached to its lead (or kept for its anonymous visitor until a capture names the lead). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTouchpointRecorded(TouchpointRecorded touchpoint) {
        PoisonEventException.require(!isBlank(touchpoint.type()), "missing type");
        PoisonEventException.require(touchpoint.leadId() != null || !isBlank(touchpoint.anonymousId()),
                "missing leadId and anonymousId");
        UUID touchpointId = touchpoint.touchpointId() != null ? touchpoint.touchpointId() : touchpoint.eventId();
        Instant occurredAt = Stream.of(touchpoint.occurredAt(), touchpoint.recordedAt())
                .filter(Objects::nonNull).findFirst().orElseGet(Instant::now);
        UUID leadId = touchpoint.leadId() != null ? touchpoint.leadId() : leads.lockVisitor(touchpoint.anonymousId());
        if (leadId == null) {
            leads.addTouchpoint(touchpointId, null, touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(),
                    touchpoint.campaign(), touchpoint.utm(), occurredAt);
            return;
        }
        ScoredLead lead = leads.lock(leadId);
        if (leads.addTouchpoint(touchpointId, leadId, touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(),
                touchpoint.campaign(), touchpoint.utm(), occurredAt)) {
            rescore(lead, Instant.now(), null, touchpoint.type());
        }
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
        leads.lockIfKnown(leadId)
                .filter(lead -> lead.stage().map(stage -> stage.canMoveTo(LifecycleStage.RECYCLED)).orElse(false))
                .ifPresentOrElse(
                        lead -> moveTo(lead, LifecycleStage.RECYCLED,
                                cause + (isBlank(crmReason) ? "" : ": " + crmReason), Instant.now()),
                        () -> LOG.debugf("Lead %s: %s, but not a lead scoring can recycle", leadId, cause));
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
        return leads.lockIfKnown(leadId).map(lead -> rescore(lead, now, cause, null))
                .orElse(RescoreOutcome.UNCHANGED);
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

    private RescoreOutcome rescore(ScoredLead lead) {
        return rescore(lead, Instant.now(), null, null);
    }

    /**
     * @param cause why the lead is re-scored without a new event; null for a new event
     * @param touchpointType the type of the touchpoint that arrived; null for anything else
     */
    private RescoreOutcome rescore(ScoredLead lead, Instant now, RescoreCause cause, String touchpointType) {
        ActiveModel active = models.active();
        ScoringModel model = active.model();
        List<Touchpoint> touchpoints = leads.touchpointsOf(lead.leadId());
        Score score = model.score(lead.facts(), touchpoints, now);
        if (touchpointType != null && lead.stage().orElse(null) == LifecycleStage.SUBSCRIBER
                && ScoreDecision.engaged(lead.score().orElse(null), score)) {
            moveTo(lead, LifecycleStage.LEAD, "engaged: " + touchpointType, now);
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
                    + " points (fit " + score.fit() + ", engagement " + score.engagement() + ")", now);
        }
        if (decision.nurture()) {
            moveTo(lead, LifecycleStage.NURTURE, "engagement decayed to " + score.engagement() + " (total "
                    + score.total() + "), short of the MQL policy (threshold " + model.threshold() + ")", now);
        }
        leads.addHistory(new ScoreHistoryEntry(lead));
        String key = lead.leadId().toString();
        LeadScored scored = new LeadScored(UUID.randomUUID(), lead.leadId(), active.modelVersion(), score.fit(),
                score.engagement(), score.total(), model.threshold(), lead.qualified(), score.reasons(),
                lead.lastCapturedAt(), now, grade, lead.stage().map(LifecycleStage::key).orElse(null));
        outbox.add(LeadScored.TOPIC, LeadScored.TYPE, key, scored);
        scoredNotices.fire(scored);
        LOG.debugf("Lead %s scored %d (fit %d, engagement %d)%s", lead.leadId(), score.total(), score.fit(),
                score.engagement(), decision.qualify() ? ", qualified" : "");
        if (decision.qualify()) {
            LeadFacts facts = lead.facts();
            LeadQualified qualified = new LeadQualified(UUID.randomUUID(), lead.leadId(), lead.qualificationId(),
                    active.modelVersion(), score.total(), model.threshold(), lead.profile(), score.reasons(),
                    lead.lastCapturedAt(), now, facts.freeMailDomain(), facts.formId(), facts.utm(), grade,
                    TouchpointSummaries.of(touchpoints));
            outbox.add(LeadQualified.TOPIC, LeadQualified.TYPE, key, qualified);
            qualifiedNotices.fire(qualified);
            return RescoreOutcome.QUALIFIED;
        }
        return RescoreOutcome.CHANGED;
    }

    private void moveTo(ScoredLead lead, LifecycleStage target, String reason, Instant now) {
        LifecycleStage from = lead.stage().orElse(null);
        lead.moveTo(target);
        publishStageChange(lead, from, reason, now);
    }

    private void publishStageChange(ScoredLead lead, LifecycleStage from, String reason, Instant now) {
        LifecycleStage to = lead.stage().orElseThrow();
        // Entering MQL opens a qualification and leaving it closes one; either way the event names it.
        UUID qualificationId = to == LifecycleStage.MQL || from == LifecycleStage.MQL ? lead.qualificationId() : null;
        LeadStageChanged changed = new LeadStageChanged(UUID.randomUUID(), lead.leadId(),
                from == null ? null : from.key(), to.key(), reason, qualificationId, now);
        outbox.add(LeadStageChanged.TOPIC, LeadStageChanged.TYPE, lead.leadId().toString(), changed);
        LOG.debugf("Lead %s moved from %s to %s: %s", lead.leadId(), changed.from(), changed.to(), reason);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
