package dev.leadflow.scoring.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import dev.leadflow.scoring.modelfile.ScoringModelReader;
import dev.leadflow.scoring.preview.PreviewReport.Mover;
import dev.leadflow.scoring.preview.PreviewReport.RuleChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelPreviewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOW = T0.plusSeconds(3600);

    /** Qualifies at 100: a VP is 60 fit, each webinar 30 engagement. */
    private static final ScoringModel CURRENT = model("""
            version: current
            threshold: 100
            fit:
              - {id: vp, description: VP, points: 60, condition: {type: field-matches, field: jobTitle, pattern: VP}}
            engagement:
              - {id: webinar, description: Webinar, points: 30, condition: {type: touchpoint-type, types: [webinar]}}
            """);

    private static final UUID VP_TWO_WEBINARS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID VP_ONE_WEBINAR = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID ENGINEER_ONE_WEBINAR = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static final List<PreviewLead> LEADS = List.of(
            lead(VP_TWO_WEBINARS, "VP Sales", "webinar", "webinar"),   // 60 + 60 = 120: qualifies now
            lead(VP_ONE_WEBINAR, "VP Sales", "webinar"),               // 60 + 30 = 90
            lead(ENGINEER_ONE_WEBINAR, "Engineer", "webinar"));        // 0 + 30 = 30

    @Test
    void theSameModelChangesNothing() {
        PreviewReport report = ModelPreview.compare(CURRENT, CURRENT, LEADS, NOW);

        assertThat(report.evaluated()).isEqualTo(3);
        assertThat(report.qualifyingNow()).isEqualTo(1);
        assertThat(report.qualifyingWithDraft()).isEqualTo(1);
        assertThat(report.newlyQualifying()).isZero();
        assertThat(report.noLongerQualifying()).isZero();
        assertThat(report.gradesWithDraft()).isEqualTo(report.gradesNow());
        assertThat(report.biggestMovers()).isEmpty();
    }

    @Test
    void countsLeadsThatNewlyQualifyAndThatNoLongerQualify() {
        // Webinars worth 40: the one-webinar VP reaches 100; the engineer (70) still lacks the minimum fit.
        ScoringModel draft = model("""
                version: draft
                threshold: 100
                minimumFit: 50
                fit:
                  - {id: vp, description: VP, points: 60, condition: {type: field-matches, field: jobTitle, pattern: VP}}
                engagement:
                  - {id: webinar, description: Webinar, points: 40, condition: {type: touchpoint-type, types: [webinar]}}
                """);

        PreviewReport report = ModelPreview.compare(CURRENT, draft, LEADS, NOW);

        assertThat(report.qualifyingNow()).isEqualTo(1);
        assertThat(report.qualifyingWithDraft()).isEqualTo(2);
        assertThat(report.newlyQualifying()).isEqualTo(1);
        assertThat(report.noLongerQualifying()).isZero();
    }

    @Test
    void aStricterPolicyCountsLeadsThatNoLongerQualify() {
        ScoringModel draft = model("""
                version: draft
                threshold: 130
                fit:
                  - {id: vp, description: VP, points: 60, condition: {type: field-matches, field: jobTitle, pattern: VP}}
                engagement:
                  - {id: webinar, description: Webinar, points: 30, condition: {type: touchpoint-type, types: [webinar]}}
                """);

        PreviewReport report = ModelPreview.compare(CURRENT, draft, LEADS, NOW);

        assertThat(report.qualifyingNow()).isEqualTo(1);
        assertThat(report.qualifyingWithDraft()).isZero();
        assertThat(report.newlyQualifying()).isZero();
        assertThat(report.noLongerQualifying()).isEqualTo(1);
        assertThat(report.biggestMovers()).as("no points moved, only the threshold").isEmpty();
    }

    @Test
    void listsMoversByTheSizeOfTheirMoveWithTheRulesThatMadeTheDifference() {
        // The VP rule is gone, webinars are worth 35, and a new engineer rule gives 5.
        ScoringModel draft = model("""
                version: draft
                fit:
                  - {id: engineer, description: Engineer, points: 5, condition: {type: field-matches, field: jobTitle, pattern: Engineer}}
                engagement:
                  - {id: webinar, description: Webinar, points: 35, condition: {type: touchpoint-type, types: [webinar]}}
                """);

        PreviewReport report = ModelPreview.compare(CURRENT, draft, LEADS, NOW);

        assertThat(report.biggestMovers()).extracting(Mover::leadId, Mover::currentTotal, Mover::draftTotal,
                Mover::delta).containsExactly(
                tuple(VP_ONE_WEBINAR, 90, 35, -55),
                tuple(VP_TWO_WEBINARS, 120, 70, -50),
                tuple(ENGINEER_ONE_WEBINAR, 30, 40, 10));
        assertThat(report.biggestMovers().get(0).rules()).containsExactly(
                new RuleChange("vp", 60, 0), new RuleChange("webinar", 30, 35));
        assertThat(report.biggestMovers().get(2).rules()).containsExactly(
                new RuleChange("webinar", 30, 35), new RuleChange("engineer", 0, 5));
    }

    @Test
    void listsAtMostTenMoversBreakingTiesByLeadId() {
        List<PreviewLead> leads = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            leads.add(lead(new UUID(0, i), "Engineer", "webinar"));
        }
        leads.add(lead(new UUID(1, 0), "Engineer"));
        ScoringModel draft = model("""
                version: draft
                engagement:
                  - {id: webinar, description: Webinar, points: 10, condition: {type: touchpoint-type, types: [webinar]}}
                """);

        PreviewReport report = ModelPreview.compare(CURRENT, draft, leads, NOW);

        assertThat(report.evaluated()).isEqualTo(21);
        assertThat(report.biggestMovers()).hasSize(ModelPreview.MOVERS)
                .allSatisfy(mover -> assertThat(mover.delta()).isEqualTo(-20))
                .extracting(Mover::leadId).containsExactly(new UUID(0, 1), new UUID(0, 2), new UUID(0, 3),
                        new UUID(0, 4), new UUID(0, 5), new UUID(0, 6), new UUID(0, 7), new UUID(0, 8),
                        new UUID(0, 9), new UUID(0, 10));
    }

    @Test
    void givesTheGradeDistributionOfBothModels() {
        ScoringModel draft = model("""
                version: draft
                fit:
                  - {id: vp, description: VP, points: 10, condition: {type: field-matches, field: jobTitle, pattern: VP}}
                engagement:
                  - {id: webinar, description: Webinar, points: 30, condition: {type: touchpoint-type, types: [webinar]}}
                """);

        PreviewReport report = ModelPreview.compare(CURRENT, draft, LEADS, NOW);

        // Default bands: fit A >= 60, D < 20; engagement 1 >= 60, 2 >= 30.
        assertThat(report.gradesNow()).isEqualTo(Map.of("A1", 1, "A2", 1, "D2", 1));
        assertThat(report.gradesWithDraft()).isEqualTo(Map.of("D1", 1, "D2", 2));
    }

    @Test
    void evaluatesBothModelsAtTheSameMomentSoDecayDoesNotCountAsAMove() {
        String decaying = """
                version: %s
                engagement:
                  - {id: webinar, description: Webinar, points: 40, halfLife: 1d, condition: {type: touchpoint-type, types: [webinar]}}
                """;
        ScoringModel current = model(decaying.formatted("current"));
        ScoringModel draft = model(decaying.formatted("draft"));

        PreviewReport report = ModelPreview.compare(current, draft, LEADS, T0.plusSeconds(86_400 * 3));

        assertThat(report.biggestMovers()).isEmpty();
        assertThat(report.gradesNow()).isEqualTo(report.gradesWithDraft()).isEqualTo(Map.of("D3", 1, "D4", 2));
    }

    private static PreviewLead lead(UUID leadId, String jobTitle, String... touchpointTypes) {
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < touchpointTypes.length; i++) {
            touchpoints.add(new Touchpoint(touchpointTypes[i], "https://acme.example/" + i, T0.plusSeconds(60L * i)));
        }
        LeadProfile profile = new LeadProfile("lead@acme.example", null, null, "Acme", jobTitle, null, "US", null,
                null);
        return new PreviewLead(leadId, new LeadFacts(profile, null, "demo", null, null, false), touchpoints);
    }

    private static ScoringModel model(String yaml) {
        return ScoringModelReader.read(yaml, "test");
    }
}
