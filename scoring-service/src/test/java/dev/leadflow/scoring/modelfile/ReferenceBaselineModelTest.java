package dev.leadflow.scoring.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leadflow.events.ScoreReason;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped reference model reproduces the published baseline's arithmetic. */
class ReferenceBaselineModelTest {

    private static final ScoringModel BASELINE = ScoringModelReader.load("classpath:scoring/reference-baseline.yaml");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void oneFormSixPageViewsOneDownloadAndOneFormErrorScore54() {
        List<Touchpoint> journey = new ArrayList<>();
        journey.add(touchpoint(TouchpointTypes.FORM_SUBMIT, 0));
        for (int i = 1; i <= 6; i++) {
            journey.add(touchpoint(TouchpointTypes.PAGE_VIEW, i));
        }
        journey.add(touchpoint(TouchpointTypes.CONTENT_DOWNLOAD, 7));
        journey.add(touchpoint(TouchpointTypes.FORM_ERROR, 8));

        Score score = BASELINE.score(LeadFacts.UNKNOWN, journey, T0.plusSeconds(3600));

        assertThat(score.total()).isEqualTo(54);
        assertThat(score.reasons()).extracting(ScoreReason::ruleId, ScoreReason::points).containsExactly(
                tuple("form-submission", 50),
                tuple("page-view", 6),
                tuple("download-or-redirect", 3),
                tuple("form-error", -5));
    }

    @Test
    void aRedirectCountsLikeADownload() {
        Score score = BASELINE.score(LeadFacts.UNKNOWN, List.of(touchpoint(TouchpointTypes.REDIRECT, 0)),
                T0.plusSeconds(60));

        assertThat(score.total()).isEqualTo(3);
    }

    @Test
    void usesOnlyTouchpointTypesCaptureAccepts() {
        assertThat(TouchpointTypes.ALL).contains(TouchpointTypes.FORM_SUBMIT, TouchpointTypes.PAGE_VIEW,
                TouchpointTypes.PRICING_PAGE_VIEW, TouchpointTypes.CONTENT_DOWNLOAD, TouchpointTypes.REDIRECT,
                TouchpointTypes.FORM_ERROR);
    }

    private static Touchpoint touchpoint(String type, int minutes) {
        return new Touchpoint(type, "https://acme.example/" + type, T0.plusSeconds(60L * minutes));
    }
}
