package dev.leadflow.events;

import java.util.UUID;

/**
 * An event of the contract. {@link #eventId()} equals the CloudEvents {@code id} ({@code ce_id} header);
 * consumers deduplicate on it.
 */
public interface LeadflowEvent {
    UUID eventId();
}
