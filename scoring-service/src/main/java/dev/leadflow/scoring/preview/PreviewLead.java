package dev.leadflow.scoring.preview;

import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Touchpoint;
import java.util.List;
import java.util.UUID;

/** What a preview scores of one lead: its stored facts and touchpoints. */
public record PreviewLead(UUID leadId, LeadFacts facts, List<Touchpoint> touchpoints) {
}
