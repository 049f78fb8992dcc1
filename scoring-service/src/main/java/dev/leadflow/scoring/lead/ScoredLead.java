package dev.leadflow.scoring.lead;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.events.Utm;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Score;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The scoring state of one lead: what is known about it, its latest published score and its qualification. */
@Entity
@Table(name = "scored_lead")
public class ScoredLead {

    @Id
    private UUID leadId;
    private String email;
    private String firstName;
    private String lastName;
    private String company;
    private String jobTitle;
    private String phone;
    private String country;
    private String companySize;
    private String industry;
    private String region;
    private String postalCode;
    private boolean freeMailDomain;
    private boolean disposableEmailDomain;
    private String formId;
    private String pageUrl;
    private String referrer;
    private String utmSource;
    private String utmMedium;
    private String utmCampaign;
    private String utmTerm;
    private String utmContent;
    private Instant firstCapturedAt;
    private Instant lastCapturedAt;
    private String modelVersion;
    private Integer fit;
    private Integer engagement;
    private Integer total;
    private Integer threshold;
    /** JSON text, see {@link StoredReasons}. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String reasons;
    private Instant scoredAt;
    private String grade;
    private String stage;
    /** The latest qualification: open while the lead is an MQL, closed once it is recycled. */
    private UUID qualificationId;
    private Instant qualifiedAt;
    /** The last published score as read from its columns, kept so its reasons are parsed once per load. */
    @Transient
    private Score score;

    protected ScoredLead() {
    }

    public UUID leadId() {
        return leadId;
    }

    public Instant lastCapturedAt() {
        return lastCapturedAt;
    }

    public LeadProfile profile() {
        return new LeadProfile(email, firstName, lastName, company, jobTitle, phone, country, companySize, industry,
                region, postalCode);
    }

    public LeadFacts facts() {
        return new LeadFacts(profile(), new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent), formId,
                pageUrl, referrer, freeMailDomain, disposableEmailDomain);
    }

    /**
     * Takes in a capture's facts: the latest capture's values win, but no capture erases a known value with null,
     * and a capture older than one already seen (a replay) only fills gaps.
     */
    void recordCapture(LeadFacts captured, Instant capturedAt) {
        boolean latest = lastCapturedAt == null || !capturedAt.isBefore(lastCapturedAt);
        setFacts(latest ? LeadFacts.merge(facts(), captured) : LeadFacts.merge(captured, facts()));
        firstCapturedAt = firstCapturedAt == null || capturedAt.isBefore(firstCapturedAt) ? capturedAt : firstCapturedAt;
        lastCapturedAt = latest ? capturedAt : lastCapturedAt;
    }

    private void setFacts(LeadFacts facts) {
        LeadProfile profile = facts.profile();
        email = profile.email();
        firstName = profile.firstName();
        lastName = profile.lastName();
        company = profile.company();
        jobTitle = profile.jobTitle();
        phone = profile.phone();
        country = profile.country();
        companySize = profile.companySize();
        industry = profile.industry();
        region = profile.region();
        postalCode = profile.postalCode();
        freeMailDomain = facts.freeMailDomain();
        disposableEmailDomain = facts.disposableEmailDomain();
        formId = facts.formId();
        pageUrl = facts.pageUrl();
        referrer = facts.referrer();
        utmSource = facts.utm().source();
        utmMedium = facts.utm().medium();
        utmCampaign = facts.utm().campaign();
        utmTerm = facts.utm().term();
        utmContent = facts.utm().content();
    }

    /** The last published score, empty when the lead was never scored. */
    public Optional<Score> score() {
        if (scoredAt == null) {
            return Optional.empty();
        }
        if (score == null) {
            score = new Score(fit, engagement, total, StoredReasons.read(reasons));
        }
        return Optional.of(score);
    }

    void recordScore(Score score, String grade, String modelVersion, int threshold, Instant scoredAt) {
        this.grade = grade;
        this.fit = score.fit();
        this.engagement = score.engagement();
        this.total = score.total();
        this.reasons = StoredReasons.write(score.reasons());
        this.score = score;
        this.modelVersion = modelVersion;
        this.threshold = threshold;
        this.scoredAt = scoredAt;
    }

    /** The last published score's reasons as stored (JSON), for its history entry. */
    String reasonsJson() {
        return reasons;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public Integer threshold() {
        return threshold;
    }

    public Instant scoredAt() {
        return scoredAt;
    }

    public String grade() {
        return grade;
    }

    /** The lead's lifecycle stage as scoring knows it; empty while the lead is known only from touchpoints. */
    public Optional<LifecycleStage> stage() {
        return Optional.ofNullable(stage).flatMap(LifecycleStage::byKey);
    }

    /** Whether the lead is an MQL now (qualified, and not recycled since). */
    public boolean qualified() {
        return stage().orElse(null) == LifecycleStage.MQL;
    }

    /**
     * Moves the lead to {@code target}; a lead without a stage may only enter the funnel (subscriber or lead).
     *
     * @throws IllegalStateException when {@link LifecycleStage#canMoveTo} forbids the move
     */
    void moveTo(LifecycleStage target) {
        LifecycleStage from = stage().orElse(null);
        boolean allowed = from == null ? target == LifecycleStage.SUBSCRIBER || target == LifecycleStage.LEAD
                : from.canMoveTo(target);
        if (!allowed) {
            throw new IllegalStateException("Lead " + leadId + " cannot move from " + stage + " to " + target.key());
        }
        stage = target.key();
    }

    /** Opens a new qualification: the lead becomes an MQL. */
    void qualify(UUID qualificationId, Instant qualifiedAt) {
        moveTo(LifecycleStage.MQL);
        this.qualificationId = qualificationId;
        this.qualifiedAt = qualifiedAt;
    }

    public UUID qualificationId() {
        return qualificationId;
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }
}
