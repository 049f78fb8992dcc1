package dev.leadflow.scoring.rest;

import dev.leadflow.scoring.modelstore.StoredModel;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored version of the scoring model, without its rules. */
@Schema(name = "ScoringModelVersion")
public record ModelVersionResponse(
        @Schema(description = "1, 2, 3, ... in the order accepted; events carry it as modelVersion") int version,
        @Schema(description = "The document's own version text") String label,
        @Schema(description = "api, or file <location> for the model the store was seeded with") String source,
        Instant createdAt,
        @Schema(description = "Subject of the token that stored it; null for the seed") String createdBy) {

    static ModelVersionResponse of(StoredModel model) {
        return new ModelVersionResponse(model.version(), model.label(), model.source(), model.createdAt(),
                model.createdBy());
    }
}
