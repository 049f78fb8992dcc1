package dev.leadflow.scoring.modelfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled demo model behaves as the product promises for realistic leads. */
class DemoModelTest {

    private static final ScoringModel DEMO = ScoringModelReader.load("classpath:scoring/demo-model.yaml");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aVpAtAnEnterpriseWhoSubmittedFromThePricingPageQualifiesOnThatSubmissionAlone() {
        LeadFacts vp = lead("ada@acme.example", "VP of Marketing", null, "1000+", false);

        Score score = score(vp, List.of(formSubmit("https://acme.example/pricing")));

        assertThat(score.total()).isGreaterThanOrEqualTo(DEMO.threshold());
        assertThat(score.reasons()).extracting(ScoreReason::ruleId).containsExactly("senior-title",
                "company-size-201-plus", "company-size-1000-plus", "form-submit", "pricing-page");
    }

    @Test
    void aMarketingCoordinatorAtATinyCompanyWithAGmailAddressDoesNotQualify() {
        LeadFacts coordinator = lead("sam@gmail.com", "Marketing Coordinator", "US", "10", true);

        Score score = score(coordinator, List.of(formSubmit("https://acme.example/pricing")));

        assertThat(score.total()).isLessThan(DEMO.threshold());
        assertThat(score.reasons()).extracting(ScoreReason::ruleId).contains("free-mail")
                .doesNotContain("senior-title");
    }

    @Test
    void aDirectorAtAMidMarketCompanyNeedsMoreEngagementThanOneFormFromTheHomepage() {
        LeadFacts director = lead("lee@globex.example", "Director of IT", "DE", "201-500", false);
        List<Touchpoint> journey = new ArrayList<>(List.of(formSubmit("https://acme.example/")));

        assertThat(score(director, journey).total()).isEqualTo(80);
        journey.add(new Touchpoint("webinar", null, NOW.plusSeconds(60)));
        journey.add(new Touchpoint("content_download", "https://acme.example/whitepaper", NOW.plusSeconds(120)));
        assertThat(score(director, journey).total()).isEqualTo(105);
    }

    @Test
    void recognisesSeniorTitlesButNotLookalikes() {
        for (String senior : List.of("VP Sales", "SVP, Operations", "Vice President Finance", "Chief Revenue Officer",
                "CTO", "Head of Growth", "Director, Demand Gen", "Co-founder & CEO")) {
            assertThat(ruleIds(lead("x@acme.example", senior, null, null, false))).as(senior).contains("senior-title");
        }
        for (String other : List.of("Marketing Coordinator", "MVP Engineer", "Headquarters liaison", "Intern")) {
            assertThat(ruleIds(lead("x@acme.example", other, null, null, false))).as(other)
                    .doesNotContain("senior-title");
        }
    }

    @Test
    void capsPageViewsSoBrowsingAloneCannotQualify() {
        List<Touchpoint> browsing = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            browsing.add(new Touchpoint("page_view", "https://acme.example/blog/" + i, NOW.plusSeconds(i)));
        }

        Score score = score(LeadFacts.UNKNOWN, browsing);

        assertThat(score.engagement()).isEqualTo(10);
    }

    private static List<String> ruleIds(LeadFacts lead) {
        return score(lead, List.of()).reasons().stream().map(ScoreReason::ruleId).toList();
    }

    private static Touchpoint formSubmit(String url) {
        return new Touchpoint("form_submit", url, NOW);
    }

    private static LeadFacts lead(String email, String jobTitle, String country, String companySize,
            boolean freeMail) {
        return new LeadFacts(new LeadProfile(email, "Sam", "Doe", "Acme", jobTitle, null, country, companySize, null),
                null, "demo", null, null, freeMail);
    }

    private static Score score(LeadFacts lead, List<Touchpoint> touchpoints) {
        return DEMO.score(lead, touchpoints, NOW.plusSeconds(3600));
    }
}
