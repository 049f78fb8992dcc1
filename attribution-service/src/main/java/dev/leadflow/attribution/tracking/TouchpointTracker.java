package dev.leadflow.attribution.tracking;

import dev.leadflow.attribution.repository.TouchpointRepository;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.inbox.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores touchpoints and stitches identities. Each method runs in the caller's transaction (the inbox's, which
 * makes a redelivered event a no-op) and is idempotent on its own too: a touchpoint or link stored twice counts once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TouchpointTracker {

    private static final Logger LOG = Logger.getLogger(TouchpointTracker.class);

    private final TouchpointRepository touchpoints;
    private final Event<TouchpointsAttributed> attributed;

    TouchpointTracker(TouchpointRepository touchpoints, Event<TouchpointsAttributed> attributed) {
        this.touchpoints = touchpoints;
        this.attributed = attributed;
    }

    /**
     * Adds the form submission to the lead's journey and, when the capture names an anonymous id not yet linked,
     * links it so the visitor's earlier and later anonymous touchpoints join the journey.
     */
    public void onLeadCaptured(LeadCaptured captured) {
        PoisonEventException.require(captured.leadId() != null, "missing leadId");
        PoisonEventException.require(captured.capturedAt() != null, "missing capturedAt");
        NewTouchpoint formSubmit = NewTouchpoint.formSubmit(captured);
        if (touchpoints.insertIfNew(formSubmit)) {
            attributed.fire(new TouchpointsAttributed(false, 1));
        }
        if (formSubmit.anonymousId() != null) {
            link(formSubmit.anonymousId(), captured.leadId());
        }
    }

    /** Stores the touchpoint under its lead, or under its anonymous id until (or unless) that is linked to a lead. */
    public void onTouchpointRecorded(TouchpointRecorded recorded) {
        PoisonEventException.require(recorded.touchpointId() != null, "missing touchpointId");
        PoisonEventException.require(recorded.type() != null && !recorded.type().isBlank(), "missing type");
        PoisonEventException.require(recorded.occurredAt() != null, "missing occurredAt");
        NewTouchpoint touchpoint = NewTouchpoint.of(recorded);
        PoisonEventException.require(touchpoint.leadId() != null || touchpoint.anonymousId() != null,
                "missing both leadId and anonymousId");
        if (!touchpoint.anonymous()) {
            if (touchpoints.insertIfNew(touchpoint)) {
                attributed.fire(new TouchpointsAttributed(false, 1));
            }
            return;
        }
        touchpoints.lockAnonymousId(touchpoint.anonymousId());
        if (touchpoints.insertIfNew(touchpoint) && touchpoints.linkedLead(touchpoint.anonymousId()).isPresent()) {
            attributed.fire(new TouchpointsAttributed(true, 1));
        }
    }

    private void link(String anonymousId, UUID leadId) {
        touchpoints.lockAnonymousId(anonymousId);
        if (touchpoints.linkIfUnlinked(anonymousId, leadId)) {
            long stitched = touchpoints.countAnonymous(anonymousId);
            if (stitched > 0) {
                attributed.fire(new TouchpointsAttributed(true, stitched));
            }
            LOG.debugf("Lead %s identified; %d anonymous touchpoints stitched to its journey", leadId, stitched);
            return;
        }
        Optional<UUID> owner = touchpoints.linkedLead(anonymousId);
        if (owner.isPresent() && !owner.get().equals(leadId)) {
            // First capture wins: a shared browser must not move one person's visits into another's journey.
            LOG.infof("Anonymous visitor of lead %s is already linked to lead %s; its touchpoints stay there",
                    leadId, owner.get());
        }
    }
}
