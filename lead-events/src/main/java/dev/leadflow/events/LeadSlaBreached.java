package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/** The owner did not contact a routed lead before its SLA was due. Topic {@link Topics#LEADS_SLA_BREACHED}. */
public record LeadSlaBreached(
        UUID eventId,
        UUID leadId,
        String ownerId,
        Instant routedAt,
        Instant slaDueAt,
        Instant breachedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_SLA_BREACHED;
    public static final String TOPIC = Topics.LEADS_SLA_BREACHED;
}
