package dev.leadflow.scoring.rest;

import dev.leadflow.events.ScoreReason;
import dev.leadflow.scoring.lead.ScoreHistoryEntry;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published score of a lead, as it was then. */
@Schema(name = "ScoreHistoryEntry")
public record ScoreHistoryResponse(
        Instant scoredAt,
        String modelVersion,
        int fit,
        int engagement,
        @Schema(description = "fit + engagement; equals the sum of the reasons' points") int total,
        int threshold,
        String grade,
        @Schema(description = "The lead's stage after this score") String stage,
        List<ScoreReason> reasons) {

    static ScoreHistoryResponse of(ScoreHistoryEntry entry) {
        return new ScoreHistoryResponse(entry.scoredAt(), entry.modelVersion(), entry.fit(), entry.engagement(),
                entry.total(), entry.threshold(), entry.grade(), entry.stage(), entry.reasons());
    }
}
