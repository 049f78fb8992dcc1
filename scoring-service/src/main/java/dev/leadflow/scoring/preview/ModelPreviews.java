package dev.leadflow.scoring.preview;

import dev.leadflow.scoring.lead.LeadScoringService;
import dev.leadflow.scoring.lead.ScoredLead;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Previews a draft model on the most recently captured leads; reads only, publishes and stores nothing. */
@ApplicationScoped
public class ModelPreviews {

    /** Leads a preview evaluates unless told otherwise, and at most. */
    public static final int DEFAULT_LEADS = 1000;
    public static final int MAX_LEADS = 10000;

    private final LeadScoringService scoring;
    private final ScoringModelStore models;

    ModelPreviews(LeadScoringService scoring, ScoringModelStore models) {
        this.scoring = scoring;
        this.models = models;
    }

    public PreviewReport preview(ScoringModel draft, int leads) {
        List<ScoredLead> latest = scoring.latestCaptured(leads);
        Map<UUID, List<Touchpoint>> touchpoints = scoring.touchpointsOf(latest.stream().map(ScoredLead::leadId)
                .toList());
        List<PreviewLead> previewed = latest.stream()
                .map(lead -> new PreviewLead(lead.leadId(), lead.facts(),
                        touchpoints.getOrDefault(lead.leadId(), List.of())))
                .toList();
        return ModelPreview.compare(models.active().model(), draft, previewed, Instant.now());
    }
}
