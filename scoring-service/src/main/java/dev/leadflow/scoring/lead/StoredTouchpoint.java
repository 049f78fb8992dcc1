package dev.leadflow.scoring.lead;

import dev.leadflow.scoring.model.Touchpoint;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A touchpoint as stored: of a lead, or of an anonymous visitor until a capture names the lead. */
@Entity
@Table(name = "touchpoint")
class StoredTouchpoint {

    @Id
    private UUID touchpointId;
    private UUID leadId;
    private String anonymousId;
    private String type;
    private String url;
    private Instant occurredAt;

    protected StoredTouchpoint() {
    }

    Touchpoint toTouchpoint() {
        return new Touchpoint(type, url, occurredAt);
    }
}
