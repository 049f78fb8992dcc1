package dev.leadflow.scoring.rest;

import dev.leadflow.scoring.rescore.RescoreJob;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress of re-scoring every lead with a new model version. */
@Schema(name = "Rescore")
public record RescoreResponse(
        UUID id,
        @Schema(description = "The model version the leads are re-scored with") int modelVersion,
        @Schema(description = "running, finished, or superseded (a newer model's job re-scores every lead again)")
        String status,
        @Schema(description = "Leads when the job started") int total,
        @Schema(description = "Leads re-scored so far") int done,
        @Schema(description = "Leads whose points changed (a new lead.scored)") int changed,
        @Schema(description = "Leads that qualified because of the new model (a new lead.qualified)") int qualified,
        @Schema(description = "done / total in percent; 100 once finished") int percentDone,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    static RescoreResponse of(RescoreJob job) {
        return new RescoreResponse(job.id(), job.modelVersion(), job.status(), job.total(), job.done(), job.changed(),
                job.qualified(), job.percentDone(), job.startedAt(), job.updatedAt(), job.finishedAt());
    }
}
