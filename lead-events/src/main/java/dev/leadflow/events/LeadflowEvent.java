package dev.leadflow.events;

import java.util.UUID;

/**
 * An event of the contract. {@link #eventId()} equals the CloudEvents {@code id} ({@code ce_id} header);
 * consumers deduplicate on it.
 */
public interface LeadflowEvent {
    UUID eventId();

    /** The lead the event is about; null only on a touchpoint of a visitor who is not a lead yet. */
    UUID leadId();

    /** The Kafka record key: the lead, so that all events of a lead keep their order on one partition. */
    default String key() {
        return leadId() == null ? null : leadId().toString();
    }
}
