package dev.leadflow.scoring.preview;

import dev.leadflow.events.ScoreReason;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.preview.PreviewReport.Mover;
import dev.leadflow.scoring.preview.PreviewReport.RuleChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Compares a draft scoring model with the active one on a set of leads; pure, changes nothing. */
public final class ModelPreview {

    /** How many movers a report lists at most. */
    public static final int MOVERS = 10;

    private ModelPreview() {
    }

    public static PreviewReport compare(ScoringModel current, ScoringModel draft, List<PreviewLead> leads,
            Instant now) {
        int qualifyingNow = 0;
        int qualifyingWithDraft = 0;
        int newly = 0;
        int noLonger = 0;
        Map<String, Integer> gradesNow = new TreeMap<>();
        Map<String, Integer> gradesWithDraft = new TreeMap<>();
        List<Mover> movers = new ArrayList<>();
        for (PreviewLead lead : leads) {
            Score before = current.score(lead.facts(), lead.touchpoints(), now);
            Score after = draft.score(lead.facts(), lead.touchpoints(), now);
            boolean qualifiesBefore = current.policy().qualifies(before);
            boolean qualifiesAfter = draft.policy().qualifies(after);
            qualifyingNow += qualifiesBefore ? 1 : 0;
            qualifyingWithDraft += qualifiesAfter ? 1 : 0;
            newly += !qualifiesBefore && qualifiesAfter ? 1 : 0;
            noLonger += qualifiesBefore && !qualifiesAfter ? 1 : 0;
            gradesNow.merge(current.grade(before), 1, Integer::sum);
            gradesWithDraft.merge(draft.grade(after), 1, Integer::sum);
            if (before.total() != after.total()) {
                movers.add(new Mover(lead.leadId(), before.total(), after.total(), after.total() - before.total(),
                        ruleChanges(before, after)));
            }
        }
        List<Mover> biggest = movers.stream()
                .sorted(Comparator.comparingInt((Mover mover) -> Math.abs(mover.delta())).reversed()
                        .thenComparing(mover -> mover.leadId().toString()))
                .limit(MOVERS)
                .toList();
        return new PreviewReport(leads.size(), qualifyingNow, qualifyingWithDraft, newly, noLonger, gradesNow,
                gradesWithDraft, biggest);
    }

    /** The rules whose points differ, in the order the active model then the draft list them. */
    private static List<RuleChange> ruleChanges(Score before, Score after) {
        Map<String, Integer> pointsBefore = points(before);
        Map<String, Integer> pointsAfter = points(after);
        Set<String> rules = new LinkedHashSet<>(pointsBefore.keySet());
        rules.addAll(pointsAfter.keySet());
        return rules.stream()
                .filter(rule -> !pointsBefore.getOrDefault(rule, 0).equals(pointsAfter.getOrDefault(rule, 0)))
                .map(rule -> new RuleChange(rule, pointsBefore.getOrDefault(rule, 0), pointsAfter.getOrDefault(rule, 0)))
                .toList();
    }

    private static Map<String, Integer> points(Score score) {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (ScoreReason reason : score.reasons()) {
            points.merge(reason.ruleId(), reason.points(), Integer::sum);
        }
        return points;
    }
}
