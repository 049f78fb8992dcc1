package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.messaging.outbox.Outbox;
import dev.leadflow.scoring.model.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What scoring events changes besides the leads' own rows: new touchpoints, history entries and outgoing events,
 * collected while a batch is scored in memory and then written with one statement per table. A batch of a few hundred
 * captures costs a handful of statements instead of several per lead.
 */
final class PendingWrites {

    /** A touchpoint to store, of a lead or (lead null) of an anonymous visitor. */
    record NewTouchpoint(UUID leadId, String anonymousId, Touchpoint touchpoint) {
    }

    private final List<NewTouchpoint> touchpoints = new ArrayList<>();
    private final List<ScoreHistoryEntry> history = new ArrayList<>();
    private final List<Outbox.Outgoing> events = new ArrayList<>();

    /** A touchpoint to store: of the lead, or (lead null) of the anonymous visitor until a capture names the lead. */
    void touchpoint(UUID leadId, String anonymousId, Touchpoint touchpoint) {
        touchpoints.add(new NewTouchpoint(leadId, anonymousId, touchpoint));
    }

    void history(ScoreHistoryEntry entry) {
        history.add(entry);
    }

    /** An event for the outbox, published after the commit in the order of these calls. */
    void publish(String topic, String type, String key, LeadflowEvent event) {
        events.add(new Outbox.Outgoing(topic, type, key, event));
    }

    void writeTo(LeadStateRepository leads, Outbox outbox) {
        leads.addTouchpoints(touchpoints);
        leads.addHistory(history);
        outbox.addAll(events);
    }
}
