package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadStageChanged;
import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoreDecision;
import dev.leadflow.scoring.model.ScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps each lead's score and marketing stage up to date as captures, touchpoints and CRM outcomes arrive. Publishes
 * {@code lead.scored} when the score changes (and records it in the lead's history), {@code lead.qualified} once per
 * qualification, and {@code lead.stage-changed} for every stage it moves a lead to: lead (first capture), mql
 * (qualified), recycled (opportunity lost). Runs inside the consumer's transaction, so state, inbox entry and
 * outgoing events commit together.
 */
@ApplicationScoped
public class LeadScoringService {

    /** Most history entries one request returns. */
    public static final int HISTORY_LIMIT = 100;

    private static final Logger LOG = Logger.getLogger(LeadScoringService.class);

    private final LeadStateRepository leads;
    private final ScoringModel model;
    private final Outbox outbox;
    private final Event<LeadScored> scoredNotices;
    private final Event<LeadQualified> qualifiedNotices;

    LeadScoringService(LeadStateRepository leads, ScoringModel model, Outbox outbox, Event<LeadScored> scoredNotices,
            Event<LeadQualified> qualifiedNotices) {
        this.leads = leads;
        this.model = model;
        this.outbox = outbox;
        this.scoredNotices = scoredNotices;
        this.qualifiedNotices = qualifiedNotices;
    }

    /** A form submission: updates the profile, counts the submission as a form_submit touchpoint, rescores. */
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
        if (lead.stage().isEmpty()) {
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
            rescore(lead);
        }
    }

    /**
     * An opportunity was lost: an MQL (or a lead further down the funnel) is recycled to marketing, closing its
     * qualification, so it can qualify again later with a new one. Other leads (unknown, never qualified, already
     * recycled) are left as they are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onOpportunityLost(OpportunityLost lost) {
        leads.lockIfKnown(lost.leadId())
                .filter(lead -> lead.stage().map(stage -> stage.canMoveTo(LifecycleStage.RECYCLED)).orElse(false))
                .ifPresentOrElse(
                        lead -> moveTo(lead, LifecycleStage.RECYCLED, "opportunity.lost"
                                + (isBlank(lost.reason()) ? "" : ": " + lost.reason()), Instant.now()),
                        () -> LOG.debugf("Lead %s: opportunity lost, but not a lead scoring can recycle",
                                lost.leadId()));
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

    private void rescore(ScoredLead lead) {
        Instant now = Instant.now();
        Score score = model.score(lead.facts(), leads.touchpointsOf(lead.leadId()), now);
        ScoreDecision decision = ScoreDecision.decide(lead.score().orElse(null), score, model.policy(),
                lead.stage().orElse(null));
        if (!decision.publish()) {
            return;
        }
        String grade = model.grade(score);
        lead.recordScore(score, grade, model.version(), model.threshold(), now);
        if (decision.qualify()) {
            LifecycleStage from = lead.stage().orElseThrow();
            lead.qualify(UUID.randomUUID(), now);
            publishStageChange(lead, from, "reached threshold " + model.threshold() + " with " + score.total()
                    + " points (fit " + score.fit() + ", engagement " + score.engagement() + ")", now);
        }
        leads.addHistory(new ScoreHistoryEntry(lead));
        String key = lead.leadId().toString();
        LeadScored scored = new LeadScored(UUID.randomUUID(), lead.leadId(), model.version(), score.fit(),
                score.engagement(), score.total(), model.threshold(), lead.qualified(), score.reasons(),
                lead.lastCapturedAt(), now, grade, lead.stage().map(LifecycleStage::key).orElse(null));
        outbox.add(LeadScored.TOPIC, LeadScored.TYPE, key, scored);
        scoredNotices.fire(scored);
        LOG.debugf("Lead %s scored %d (fit %d, engagement %d)%s", lead.leadId(), score.total(), score.fit(),
                score.engagement(), decision.qualify() ? ", qualified" : "");
        if (decision.qualify()) {
            LeadFacts facts = lead.facts();
            LeadQualified qualified = new LeadQualified(UUID.randomUUID(), lead.leadId(), lead.qualificationId(),
                    model.version(), score.total(), model.threshold(), lead.profile(), score.reasons(),
                    lead.lastCapturedAt(), now, facts.freeMailDomain(), facts.formId(), facts.utm(), grade);
            outbox.add(LeadQualified.TOPIC, LeadQualified.TYPE, key, qualified);
            qualifiedNotices.fire(qualified);
        }
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
