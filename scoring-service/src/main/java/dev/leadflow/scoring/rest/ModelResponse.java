package dev.leadflow.scoring.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadflow.scoring.modelstore.StoredModel;
import dev.leadflow.scoring.rescore.RescoreJob;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The active scoring model with its version, and the latest re-score of every lead. */
@Schema(name = "ScoringModel")
public record ModelResponse(
        @Schema(description = "1, 2, 3, ... in the order accepted; events carry it as modelVersion") int version,
        @Schema(description = "The document's own version text") String label,
        @Schema(description = "api, or file <location> for the model the store was seeded with") String source,
        Instant createdAt,
        @Schema(description = "Subject of the token that stored it; null for the seed") String createdBy,
        @Schema(description = "The model document (the YAML format's structure)") JsonNode model,
        @Schema(description = "The latest re-score of every lead; null if no model was changed yet")
        RescoreResponse latestRescore) {

    static ModelResponse of(StoredModel model, RescoreJob latestRescore) {
        return new ModelResponse(model.version(), model.label(), model.source(), model.createdAt(), model.createdBy(),
                model.document().tree(), latestRescore == null ? null : RescoreResponse.of(latestRescore));
    }
}
