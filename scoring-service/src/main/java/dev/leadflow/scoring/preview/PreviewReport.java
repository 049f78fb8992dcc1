package dev.leadflow.scoring.preview;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a draft model would score leads compared with the active model, both evaluated at the same moment (so decay
 * does not blur the difference). "Qualifying" means meeting the model's qualification policy; it says nothing about
 * the lead's stage (an MQL stays one whatever a new model says).
 *
 * @param gradesNow how many leads have each grade with the active model (only grades that occur)
 * @param gradesWithDraft the same with the draft
 * @param biggestMovers at most {@link ModelPreview#MOVERS} leads with the largest |draftTotal - currentTotal|, largest
 *        first; leads whose total does not move are never listed
 */
public record PreviewReport(
        int evaluated,
        int qualifyingNow,
        int qualifyingWithDraft,
        int newlyQualifying,
        int noLongerQualifying,
        Map<String, Integer> gradesNow,
        Map<String, Integer> gradesWithDraft,
        List<Mover> biggestMovers) {

    /** A lead whose total moves, and the rules whose points differ between the two models. */
    public record Mover(UUID leadId, int currentTotal, int draftTotal, int delta, List<RuleChange> rules) {
    }

    /** A rule that gives the lead different points (0 where the rule does not apply or does not exist). */
    public record RuleChange(String ruleId, int currentPoints, int draftPoints) {
    }
}
