package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadScored;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps each lead's score up to date as captures and touchpoints arrive, and publishes {@code lead.scored} when the
 * score changes and {@code lead.qualified} once, when the lead first reaches the threshold with a known profile.
 * Runs inside the consumer's transaction, so state, inbox entry and outgoing events commit together.
 */
@ApplicationScoped
public class LeadScoringService {

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
                captured.referrer(), captured.freeMailDomain()), captured.capturedAt());
        // The capture's event id names its form_submit touchpoint, so a replayed capture cannot count twice.
        leads.addTouchpoint(captured.eventId(), captured.leadId(), null, TouchpointTypes.FORM_SUBMIT,
                captured.pageUrl(), captured.capturedAt());
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
                    occurredAt);
            return;
        }
        ScoredLead lead = leads.lock(leadId);
        if (leads.addTouchpoint(touchpointId, leadId, touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(),
                occurredAt)) {
            rescore(lead);
        }
    }

    /** The lead's state, once it was scored (a lead only locked by a touchpoint seen before has no score). */
    @Transactional
    public Optional<ScoredLead> find(UUID leadId) {
        return leads.find(leadId).filter(lead -> lead.score().isPresent());
    }

    private void rescore(ScoredLead lead) {
        Score score = model.score(lead.facts(), leads.touchpointsOf(lead.leadId()));
        ScoreDecision decision = ScoreDecision.decide(lead.score().orElse(null), score, model.threshold(),
                lead.qualified(), lead.profileKnown());
        if (!decision.publish()) {
            return;
        }
        Instant now = Instant.now();
        lead.recordScore(score, model.version(), model.threshold(), now);
        if (decision.qualify()) {
            lead.qualify(UUID.randomUUID(), now);
        }
        String key = lead.leadId().toString();
        LeadScored scored = new LeadScored(UUID.randomUUID(), lead.leadId(), model.version(), score.fit(),
                score.engagement(), score.total(), model.threshold(), lead.qualified(), score.reasons(),
                lead.lastCapturedAt(), now);
        outbox.add(LeadScored.TOPIC, LeadScored.TYPE, key, scored);
        scoredNotices.fire(scored);
        LOG.debugf("Lead %s scored %d (fit %d, engagement %d)%s", lead.leadId(), score.total(), score.fit(),
                score.engagement(), decision.qualify() ? ", qualified" : "");
        if (decision.qualify()) {
            LeadQualified qualified = new LeadQualified(UUID.randomUUID(), lead.leadId(), lead.qualificationId(),
                    model.version(), score.total(), model.threshold(), lead.profile(), score.reasons(),
                    lead.lastCapturedAt(), now);
            outbox.add(LeadQualified.TOPIC, LeadQualified.TYPE, key, qualified);
            qualifiedNotices.fire(qualified);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
