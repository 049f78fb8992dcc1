package dev.leadflow.scoring.lead;

import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.scoring.model.Score;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published score of a lead, kept so the lead's history can be shown (never changed once written). */
@Entity
@Table(name = "score_history")
public class ScoreHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID leadId;
    private Instant scoredAt;
    private String modelVersion;
    private int fit;
    private int engagement;
    private int total;
    private int threshold;
    private String grade;
    private String stage;
    /** JSON text, see {@link StoredReasons}. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String reasons;

    protected ScoreHistoryEntry() {
    }

    ScoreHistoryEntry(ScoredLead lead) {
        this.leadId = lead.leadId();
        this.scoredAt = lead.scoredAt();
        this.modelVersion = lead.modelVersion();
        Score score = lead.score().orElseThrow();
        this.fit = score.fit();
        this.engagement = score.engagement();
        this.total = score.total();
        this.threshold = lead.threshold();
        this.grade = lead.grade();
        this.stage = lead.stage().map(LifecycleStage::key).orElse(null);
        this.reasons = lead.reasonsJson();
    }

    UUID leadId() {
        return leadId;
    }

    String reasonsJson() {
        return reasons;
    }

    public Instant scoredAt() {
        return scoredAt;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public int fit() {
        return fit;
    }

    public int engagement() {
        return engagement;
    }

    public int total() {
        return total;
    }

    public int threshold() {
        return threshold;
    }

    public String grade() {
        return grade;
    }

    public String stage() {
        return stage;
    }

    public List<ScoreReason> reasons() {
        return StoredReasons.read(reasons);
    }
}
