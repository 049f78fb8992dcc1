package dev.leadflow.routing.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.routing.decision.Explanation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One routing decision as stored: who owns which qualification of a lead, by which rule, and why. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecisionEntity {

    /** Also the eventId of the {@code lead.routed} event published with this decision. */
    @Id
    private UUID id;
    private UUID leadId;
    /** With {@code reassignments}, unique: a qualification is routed once and reassigned at most once per step. */
    private UUID qualificationId;
    private String ownerId;
    private String ownerName;
    private String ownerType;
    private String ruleId;
    private String reason;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> candidates;
    private int score;
    private Instant capturedAt;
    private Instant qualifiedAt;
    private Instant routedAt;
    private Instant slaDueAt;
    private String ownerBookingLink;
    /** When a held lead's rep becomes available; null when the owner could take it at once. */
    private Instant heldUntil;
    private Integer modelVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    private Explanation explanation;
    /** The event this decision routed; null only for decisions made before it was stored. */
    @JdbcTypeCode(SqlTypes.JSON)
    private LeadQualified qualifiedLead;
    /** 0 for the first routing of the qualification, n for its n-th reassignment after a missed SLA. */
    private int reassignments;
    /** The owner before this reassignment; null for a first routing. */
    private String previousOwnerId;

    protected RoutingDecisionEntity() {
    }

    public RoutingDecisionEntity(UUID id, UUID leadId, UUID qualificationId, String ownerId, String ownerName,
            String ownerType, String ruleId, String reason, List<String> candidates, int score, Instant capturedAt,
            Instant qualifiedAt, Instant routedAt, Instant slaDueAt, String ownerBookingLink, Instant heldUntil,
            Explanation explanation, LeadQualified qualifiedLead) {
        this.id = id;
        this.leadId = leadId;
        this.qualificationId = qualificationId;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.ownerType = ownerType;
        this.ruleId = ruleId;
        this.reason = reason;
        this.candidates = List.copyOf(candidates);
        this.score = score;
        this.capturedAt = capturedAt;
        this.qualifiedAt = qualifiedAt;
        this.routedAt = routedAt;
        this.slaDueAt = slaDueAt;
        this.ownerBookingLink = ownerBookingLink;
        this.heldUntil = heldUntil;
        this.modelVersion = explanation.modelVersion();
        this.explanation = explanation;
        this.qualifiedLead = qualifiedLead;
    }

    /** Marks this decision as the {@code reassignments}-th reassignment of its qualification, away from the owner. */
    public void reassignedFrom(String previousOwnerId, int reassignments) {
        this.previousOwnerId = previousOwnerId;
        this.reassignments = reassignments;
    }

    public int getReassignments() {
        return reassignments;
    }

    public String getPreviousOwnerId() {
        return previousOwnerId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getLeadId() {
        return leadId;
    }

    public UUID getQualificationId() {
        return qualificationId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getOwnerType() {
        return ownerType;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getReason() {
        return reason;
    }

    public List<String> getCandidates() {
        return List.copyOf(candidates);
    }

    public int getScore() {
        return score;
    }

    public Instant getCapturedAt() {
        return capturedAt;
    }

    public Instant getQualifiedAt() {
        return qualifiedAt;
    }

    public Instant getRoutedAt() {
        return routedAt;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public String getOwnerBookingLink() {
        return ownerBookingLink;
    }

    public Instant getHeldUntil() {
        return heldUntil;
    }

    public Integer getModelVersion() {
        return modelVersion;
    }

    /** Null only for decisions made before explanations were stored. */
    public Explanation getExplanation() {
        return explanation;
    }

    /** The lead.qualified event this decision routed; null only for decisions made before it was stored. */
    public LeadQualified getQualifiedLead() {
        return qualifiedLead;
    }
}
