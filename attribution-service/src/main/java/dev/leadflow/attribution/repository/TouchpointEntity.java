package dev.leadflow.attribution.repository;

import dev.leadflow.attribution.journey.Touchpoint;
import dev.leadflow.events.Utm;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored touchpoint; {@code leadId} is null while only the anonymous visitor is known. */
@Entity
@Table(name = "touchpoint")
public class TouchpointEntity extends PanacheEntityBase {
    @Id
    public UUID touchpointId;
    public UUID leadId;
    public String anonymousId;
    public String type;
    public String url;
    public String referrer;
    public String campaign;
    public String utmSource;
    public String utmMedium;
    public String utmCampaign;
    public String utmTerm;
    public String utmContent;
    public Instant occurredAt;
    public Instant recordedAt;

    /** This touchpoint as part of a journey: stitched when it reached the lead through its anonymous id. */
    Touchpoint toJourneyTouchpoint() {
        return new Touchpoint(touchpointId, type, url, referrer, campaign,
                new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent), occurredAt, recordedAt, leadId == null);
    }
}
