package dev.leadflow.routing.crm;

import dev.leadflow.events.LeadContacted;
import dev.leadflow.routing.sla.Assignments;
import dev.leadflow.routing.sla.SlaTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What CRM activities change in routing. Timers are updated before assignments are released: the same lock order
 * (timer, then decision, then rep load) as the SLA checker, so the two never deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CrmOutcomes {

    private static final Logger LOG = Logger.getLogger(CrmOutcomes.class);

    private final SlaTimers timers;
    private final Assignments assignments;
    private final Clock clock;

    CrmOutcomes(SlaTimers timers, Assignments assignments, Clock clock) {
        this.timers = timers;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** First contact: stops the open timer (in time), or records a late contact on the breached one. */
    public void contacted(LeadContacted event) {
        Instant at = event.contactedAt() != null ? event.contactedAt() : clock.instant();
        int changed = timers.contacted(event.leadId(), event.repId(), at);
        if (changed == 0) {
            // A lead routing never assigned (or contacted again): not poison, nothing to do.
            LOG.debugf("lead.contacted %s for lead %s: no SLA timer to stop; ignored", event.eventId(),
                    event.leadId());
        }
    }

    /** An outcome ends the lead's assignments: open timers close and each owner's open-lead count drops once. */
    public void ended(UUID leadId, String type, Instant occurredAt) {
        Instant at = occurredAt != null ? occurredAt : clock.instant();
        int closed = timers.close(leadId, type, at);
        int released = assignments.releaseLead(leadId, type, at);
        if (closed == 0 && released == 0) {
            LOG.debugf("%s for lead %s: no open assignment; ignored", type, leadId);
        }
    }
}
