package dev.leadflow.scoring.rest;

import dev.leadflow.events.LifecycleStage;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.scoring.lead.ScoredLead;
import dev.leadflow.scoring.model.Score;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead's current score, with the reasons that add up to it. */
@Schema(name = "Score")
public record ScoreResponse(
        UUID leadId,
        @Schema(description = "Version of the scoring model that computed the score") String modelVersion,
        int fit,
        int engagement,
        @Schema(description = "fit + engagement; equals the sum of the reasons' points") int total,
        int threshold,
        @Schema(description = "Whether the lead is an MQL now (qualified and not recycled since)") boolean qualified,
        @Schema(description = "When the lead last qualified; null if it never did") Instant qualifiedAt,
        @Schema(description = "The latest qualification (open while the lead is an MQL); null if none")
        UUID qualificationId,
        @Schema(description = "Fit A-D by engagement 1-4, e.g. A1") String grade,
        @Schema(description = "Lifecycle stage: lead, mql, recycled, ...; null while known only from touchpoints")
        String stage,
        @Schema(description = "Every contributing rule with its points and evidence; the points add up to total")
        List<ScoreReason> reasons,
        Instant scoredAt) {

    static ScoreResponse of(ScoredLead lead) {
        Score score = lead.score().orElseThrow();
        return new ScoreResponse(lead.leadId(), lead.modelVersion(), score.fit(), score.engagement(), score.total(),
                lead.threshold(), lead.qualified(), lead.qualifiedAt(), lead.qualificationId(), lead.grade(),
                lead.stage().map(LifecycleStage::key).orElse(null), score.reasons(), lead.scoredAt());
    }
}
