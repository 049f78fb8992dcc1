package dev.leadflow.attribution.repository;

import dev.leadflow.attribution.journey.Touchpoint;
import dev.leadflow.attribution.tracking.NewTouchpoint;
import dev.leadflow.events.Utm;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Touchpoints and identity links. Writes are idempotent: storing the same touchpoint or link twice is a no-op. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<TouchpointEntity, UUID> {

    /** Stores the touchpoint unless one with its id exists; true when it was new. */
    public boolean insertIfNew(NewTouchpoint touchpoint) {
        Utm utm = touchpoint.utm() == null ? new Utm(null, null, null, null, null) : touchpoint.utm();
        // Casts type the parameters that may be null, which PostgreSQL cannot infer from a bare null.
        return getEntityManager().createNativeQuery("""
                        INSERT INTO touchpoint (touchpoint_id, lead_id, anonymous_id, type, url, referrer, campaign,
                            utm_source, utm_medium, utm_campaign, utm_term, utm_content, occurred_at, recorded_at)
                        VALUES (?1, CAST(?2 AS uuid), CAST(?3 AS text), ?4, CAST(?5 AS text), CAST(?6 AS text),
                            CAST(?7 AS text), CAST(?8 AS text), CAST(?9 AS text), CAST(?10 AS text), CAST(?11 AS text),
                            CAST(?12 AS text), ?13, ?14)
                        ON CONFLICT (touchpoint_id) DO NOTHING""")
                .setParameter(1, touchpoint.touchpointId())
                .setParameter(2, touchpoint.leadId())
                .setParameter(3, touchpoint.anonymousId())
                .setParameter(4, touchpoint.type())
                .setParameter(5, touchpoint.url())
                .setParameter(6, touchpoint.referrer())
                .setParameter(7, touchpoint.campaign())
                .setParameter(8, utm.source())
                .setParameter(9, utm.medium())
                .setParameter(10, utm.campaign())
                .setParameter(11, utm.term())
                .setParameter(12, utm.content())
                .setParameter(13, touchpoint.occurredAt())
                .setParameter(14, touchpoint.recordedAt())
                .executeUpdate() == 1;
    }

    /**
     * Holds, until the transaction ends, the right to change what belongs to this anonymous id, so storing its
     * touchpoint and linking it to a lead never interleave (each then sees the other's effect).
     */
    public void lockAnonymousId(String anonymousId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, anonymousId)
                .getSingleResult();
    }

    /** Links the anonymous id to the lead unless it is linked already; true when the link is new. */
    public boolean linkIfUnlinked(String anonymousId, UUID leadId) {
        return getEntityManager().createNativeQuery(
                        "INSERT INTO identity_link (anonymous_id, lead_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, anonymousId)
                .setParameter(2, leadId)
                .executeUpdate() == 1;
    }

    /** The lead the anonymous id is linked to, if any. */
    public Optional<UUID> linkedLead(String anonymousId) {
        return Optional.ofNullable(getEntityManager().find(IdentityLinkEntity.class, anonymousId))
                .map(link -> link.leadId);
    }

    /** How many touchpoints are known only by this anonymous id. */
    public long countAnonymous(String anonymousId) {
        return count("leadId is null and anonymousId = ?1", anonymousId);
    }

    /** Every touchpoint of the lead's journey: its own and those of the anonymous ids linked to it, unordered. */
    public List<Touchpoint> journeyOf(UUID leadId) {
        // Two queries rather than one OR, so each is served by its own index.
        List<TouchpointEntity> direct = list("leadId", leadId);
        List<TouchpointEntity> stitched = list("""
                leadId is null and anonymousId in (
                    select link.anonymousId from IdentityLinkEntity link where link.leadId = ?1)""", leadId);
        return Stream.concat(direct.stream(), stitched.stream()).map(TouchpointEntity::toJourneyTouchpoint).toList();
    }
}
