package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code lead_lifecycle}; the domain works on {@link LeadLifecycle}, this only stores it. */
@Entity
@Table(name = "lead_lifecycle")
class LeadLifecycleEntity {

    @Id
    private UUID leadId;
    private Instant capturedAt;
    private Instant scoredAt;
    private Integer latestScoreTotal;
    private Integer latestScoreFit;
    private Integer latestScoreEngagement;
    private Instant latestScoredAt;
    private Instant qualifiedAt;
    private Instant routedAt;
    private String ownerId;
    private String ownerName;
    private String ownerType;
    private Instant ownerRoutedAt;
    private Instant contactedAt;
    private Instant slaBreachedAt;

    protected LeadLifecycleEntity() {
    }

    LeadLifecycle toDomain() {
        LeadLifecycle.Score score = latestScoredAt == null ? null : new LeadLifecycle.Score(latestScoreTotal,
                latestScoreFit, latestScoreEngagement, latestScoredAt);
        LeadLifecycle.Owner owner = ownerRoutedAt == null ? null : new LeadLifecycle.Owner(ownerId, ownerName,
                ownerType, ownerRoutedAt);
        return new LeadLifecycle(leadId, capturedAt, scoredAt, score, qualifiedAt, routedAt, owner, contactedAt,
                slaBreachedAt);
    }

    void update(LeadLifecycle lifecycle) {
        capturedAt = lifecycle.capturedAt();
        scoredAt = lifecycle.scoredAt();
        LeadLifecycle.Score score = lifecycle.latestScore();
        latestScoreTotal = score == null ? null : score.total();
        latestScoreFit = score == null ? null : score.fit();
        latestScoreEngagement = score == null ? null : score.engagement();
        latestScoredAt = score == null ? null : score.scoredAt();
        qualifiedAt = lifecycle.qualifiedAt();
        routedAt = lifecycle.routedAt();
        LeadLifecycle.Owner owner = lifecycle.owner();
        ownerId = owner == null ? null : owner.id();
        ownerName = owner == null ? null : owner.name();
        ownerType = owner == null ? null : owner.type();
        ownerRoutedAt = owner == null ? null : owner.routedAt();
        contactedAt = lifecycle.contactedAt();
        slaBreachedAt = lifecycle.slaBreachedAt();
    }
}
