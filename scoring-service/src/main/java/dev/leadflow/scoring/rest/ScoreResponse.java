package dev.leadflow.scoring.rest;

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
        @Schema(description = "Whether the lead qualified (reached the threshold with a known profile)") boolean qualified,
        @Schema(description = "When the lead qualified; null if it has not") Instant qualifiedAt,
        List<ScoreReason> reasons,
        Instant scoredAt) {

    static ScoreResponse of(ScoredLead lead) {
        Score score = lead.score().orElseThrow();
        return new ScoreResponse(lead.leadId(), lead.modelVersion(), score.fit(), score.engagement(), score.total(),
                lead.threshold(), lead.qualified(), lead.qualifiedAt(), score.reasons(), lead.scoredAt());
    }
}
