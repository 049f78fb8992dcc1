package dev.leadflow.scoring.lead;

import dev.leadflow.events.Utm;
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
    private String campaign;
    private String utmSource;
    private String utmMedium;
    private String utmCampaign;
    private String utmTerm;
    private String utmContent;
    private Instant occurredAt;

    protected StoredTouchpoint() {
    }

    UUID leadId() {
        return leadId;
    }

    Touchpoint toTouchpoint() {
        return new Touchpoint(touchpointId, type, url, campaign,
                new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent), occurredAt);
    }
}
