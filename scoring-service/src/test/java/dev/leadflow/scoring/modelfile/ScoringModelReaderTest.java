package dev.leadflow.scoring.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.scoring.model.CompanySizeAtLeast;
import dev.leadflow.scoring.model.Decay;
import dev.leadflow.scoring.model.DisposableEmailDomain;
import dev.leadflow.scoring.model.EngagementRule;
import dev.leadflow.scoring.model.ExpiresAfter;
import dev.leadflow.scoring.model.FieldAbsent;
import dev.leadflow.scoring.model.FieldContains;
import dev.leadflow.scoring.model.FieldEquals;
import dev.leadflow.scoring.model.FieldIn;
import dev.leadflow.scoring.model.FieldMatches;
import dev.leadflow.scoring.model.FieldPresent;
import dev.leadflow.scoring.model.FieldRange;
import dev.leadflow.scoring.model.FitRule;
import dev.leadflow.scoring.model.FreeMailDomain;
import dev.leadflow.scoring.model.GradeBands;
import dev.leadflow.scoring.model.HalfLife;
import dev.leadflow.scoring.model.LeadAll;
import dev.leadflow.scoring.model.LeadField;
import dev.leadflow.scoring.model.LeadNot;
import dev.leadflow.scoring.model.QualificationPolicy;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.TouchpointAny;
import dev.leadflow.scoring.model.TouchpointCampaign;
import dev.leadflow.scoring.model.TouchpointCount;
import dev.leadflow.scoring.model.TouchpointType;
import dev.leadflow.scoring.model.TouchpointUrlMatches;
import dev.leadflow.scoring.model.TouchpointUtm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelReaderTest {

    private static final String EVERY_CONDITION = """
            version: test-7
            threshold: 80
            fit:
              - id: senior
                description: Senior title
                points: 30
                condition: {type: field-matches, field: jobTitle, pattern: '(?i)\\bvp\\b'}
              - id: country
                description: Target country
                points: 10
                condition: {type: field-in, field: country, values: [US, GB]}
              - id: software
                description: Software industry
                points: 5
                condition: {type: field-equals, field: industry, value: software}
              - id: has-phone
                description: Left a phone number
                points: 5
                condition: {type: field-present, field: phone}
              - id: enterprise
                description: Enterprise
                points: 20
                condition: {type: company-size-at-least, employees: 1000}
              - id: free-mail
                description: Free mail
                points: -20
                condition: {type: free-mail-domain}
              - id: throwaway-mail
                description: Throwaway mail
                points: -50
                condition: {type: free-mail-domain, domains: [mailinator.com]}
            engagement:
              - id: webinar
                description: Webinar
                points: 15
                maxPoints: 30
                condition: {type: touchpoint-type, types: [webinar]}
              - id: pricing
                description: Pricing page
                points: 25
                condition: {type: touchpoint-url-matches, pattern: /pricing}
            """;

    @Test
    void readsEveryConditionTypeIntoTypedRules() {
        ScoringModel model = ScoringModelReader.read(EVERY_CONDITION, "test");

        assertThat(model.version()).isEqualTo("test-7");
        assertThat(model.threshold()).isEqualTo(80);
        assertThat(model.fit()).extracting(FitRule::condition).satisfiesExactly(
                c -> assertThat(c).isInstanceOfSatisfying(FieldMatches.class, m -> {
                    assertThat(m.field()).isEqualTo(LeadField.JOB_TITLE);
                    assertThat(m.pattern().pattern()).isEqualTo("(?i)\\bvp\\b");
                }),
                c -> assertThat(c).isEqualTo(new FieldIn(LeadField.COUNTRY, Set.of("us", "gb"))),
                c -> assertThat(c).isEqualTo(new FieldEquals(LeadField.INDUSTRY, "software")),
                c -> assertThat(c).isEqualTo(new FieldPresent(LeadField.PHONE)),
                c -> assertThat(c).isEqualTo(new CompanySizeAtLeast(1000)),
                c -> assertThat(c).isEqualTo(new FreeMailDomain()),
                c -> assertThat(c).isEqualTo(new FreeMailDomain(Set.of("mailinator.com"))));
        assertThat(model.fit().get(5).points()).isEqualTo(-20);
        EngagementRule webinar = model.engagement().get(0);
        assertThat(webinar.condition()).isEqualTo(new TouchpointType(Set.of("webinar")));
        assertThat(webinar.maxPoints()).isEqualTo(30);
        assertThat(model.engagement().get(1).condition()).isInstanceOf(TouchpointUrlMatches.class);
        assertThat(model.engagement().get(1).maxPoints()).isNull();
    }

    @Test
    void theThresholdDefaultsTo100() {
        ScoringModel model = ScoringModelReader.read("""
                version: v1
                fit:
                  - {id: any, description: Any lead, points: 1, condition: {type: field-present, field: email}}
                """, "test");

        assertThat(model.threshold()).isEqualTo(100);
        assertThat(model.engagement()).isEmpty();
    }

    @Test
    void namesTheRuleAndFieldOfAnInvalidRegularExpression() {
        assertProblems("""
                version: v1
                fit:
                  - {id: senior, description: Senior, points: 30, condition: {type: field-matches, field: jobTitle, pattern: '(vp'}}
                """, "fit[0] 'senior': condition.pattern: invalid regular expression (Unclosed group near index 3)");
    }

    @Test
    void namesAnUnknownLeadFieldAndListsTheKnownOnes() {
        assertProblems("""
                version: v1
                fit:
                  - {id: title, description: Title, points: 5, condition: {type: field-present, field: title}}
                """, "fit[0] 'title': condition.field: unknown lead field 'title'; known fields: email, firstName, "
                + "lastName, company, jobTitle, phone, country, companySize, industry, formId, pageUrl, referrer, "
                + "utmSource, utmMedium, utmCampaign, utmTerm, utmContent");
    }

    @Test
    void namesAnUnknownConditionType() {
        assertProblems("""
                version: v1
                fit:
                  - {id: r, description: R, points: 5, condition: {type: field-like, field: email}}
                """, "fit[0] 'r': condition.type: unknown type 'field-like'; known types: all, any, "
                + "company-size-at-least, disposable-email, field-absent, field-contains, field-equals, field-in, "
                + "field-matches, field-present, field-range, free-mail-domain, not, touchpoint-campaign, "
                + "touchpoint-count, touchpoint-type, touchpoint-url-matches, touchpoint-utm");
    }

    @Test
    void rejectsAConditionInTheWrongDimension() {
        assertProblems("""
                version: v1
                fit:
                  - {id: webinar, description: W, points: 5, condition: {type: touchpoint-type, types: [webinar]}}
                engagement:
                  - {id: vp, description: V, points: 5, condition: {type: field-present, field: jobTitle}}
                """,
                "fit[0] 'webinar': condition.type: 'touchpoint-type' tests touchpoints, so it belongs in an engagement "
                        + "rule; fit rules test the lead",
                "engagement[0] 'vp': condition.type: 'field-present' tests the lead, so it belongs in a fit rule; "
                        + "engagement rules test touchpoints");
    }

    @Test
    void reportsEveryMissingOrMistypedValueAtOnce() {
        assertProblems("""
                version: v1
                threshold: high
                fit:
                  - {id: a, points: 5, condition: {type: field-present, field: email}}
                  - {id: b, description: B, points: 2.5, condition: {type: company-size-at-least}}
                  - {id: c, description: C, points: 0, condition: {type: field-in, field: country, values: []}}
                engagement:
                  - {id: d, description: D, points: 5}
                  - {id: e, description: E, points: 20, maxPoints: 10, condition: {type: touchpoint-type, types: [x]}}
                """,
                "model: threshold: must be a whole number, not 'high'",
                "fit[0] 'a': description: is required",
                "fit[1] 'b': points: must be a whole number, not '2.5'",
                "fit[1] 'b': condition.employees: is required",
                "fit[2] 'c': condition.values: must be a non-empty list",
                "engagement[0] 'd': condition: is required",
                "engagement[1] 'e': maxPoints: must be at least the rule's points in absolute value (20)");
    }

    @Test
    void rejectsUnknownKeysSoATypoIsNotSilentlyIgnored() {
        assertProblems("""
                version: v1
                treshold: 90
                fit:
                  - {id: a, description: A, pionts: 5, points: 5, condition: {type: field-present, field: email, regex: x}}
                """,
                "model: treshold: unknown key; expected one of engagement, fit, grades, minimumFit, threshold, version",
                "fit[0] 'a': pionts: unknown key; expected one of condition, description, id, points",
                "fit[0] 'a': condition.regex: unknown key; expected one of field, type");
    }

    @Test
    void rejectsAPointlessRuleAndDuplicateIds() {
        assertProblems("""
                version: v1
                fit:
                  - {id: a, description: A, points: 0, condition: {type: field-present, field: email}}
                """, "fit[0] 'a': points: must not be 0");
        assertProblems("""
                version: v1
                fit:
                  - {id: a, description: A, points: 1, condition: {type: field-present, field: email}}
                engagement:
                  - {id: a, description: A, points: 1, condition: {type: touchpoint-type, types: [webinar]}}
                """, "model: id: rule id 'a' is used by more than one rule");
    }

    @Test
    void rejectsAModelWithoutVersionOrRules() {
        assertProblems("threshold: 100\n", "model: version: is required");
        assertProblems("version: v1\n", "model: fit, engagement: the model has no rules");
        assertProblems("- just a list\n", "the model must be a mapping with keys engagement, fit, grades, minimumFit, threshold, version");
    }

    @Test
    void rejectsYamlThatDoesNotParseWithItsPosition() {
        assertThatThrownBy(() -> ScoringModelReader.read("version: v1\nfit: [\n", "broken.yaml"))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageStartingWith("Invalid scoring model broken.yaml:\n  - not valid YAML (line");
    }

    @Test
    void loadsAModelFromAFilePath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, EVERY_CONDITION);

        assertThat(ScoringModelReader.load(file.toString()).version()).isEqualTo("test-7");
    }

    @Test
    void namesAModelFileThatDoesNotExist(@TempDir Path dir) {
        String missing = dir.resolve("missing.yaml").toString();

        assertThatThrownBy(() -> ScoringModelReader.load(missing))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessage("Invalid scoring model " + missing + ":\n  - no such file");
        assertThatThrownBy(() -> ScoringModelReader.load("classpath:scoring/missing.yaml"))
                .hasMessage("Invalid scoring model classpath:scoring/missing.yaml:\n  - no such resource on the classpath");
    }

    @Test
    void readsPolicyGradesDecayRecurrenceCountsAndCombinations() {
        ScoringModel model = ScoringModelReader.read("""
                version: full-1
                threshold: 90
                minimumFit: 25
                grades: {fit: [50, 30, 10], engagement: [70, 40, 15]}
                fit:
                  - {id: mid, description: Mid, points: 10, condition: {type: field-range, field: companySize, min: 51, max: 500}}
                  - {id: saas, description: SaaS, points: 5, condition: {type: field-contains, field: industry, value: soft}}
                  - {id: no-phone, description: No phone, points: -5, condition: {type: field-absent, field: phone}}
                  - {id: throwaway, description: Throwaway, points: -50, condition: {type: disposable-email}}
                  - id: us-not-gmail
                    description: US, company mail
                    points: 15
                    condition:
                      type: all
                      conditions:
                        - {type: field-in, field: country, values: [US]}
                        - {type: not, condition: {type: free-mail-domain}}
                engagement:
                  - {id: pricing, description: Pricing, points: 25, recurs: false, halfLife: 30d,
                     condition: {type: touchpoint-url-matches, pattern: /pricing}}
                  - {id: webinar, description: Webinar, points: 15, maxPoints: 30, expiresAfter: 90d,
                     condition: {type: any, conditions: [{type: touchpoint-type, types: [webinar]},
                                                         {type: touchpoint-campaign, values: [spring]}]}}
                  - {id: paid, description: Paid, points: 2, condition: {type: touchpoint-utm, parameter: medium, values: [cpc]}}
                  - id: binge
                    description: 3 page views in 7 days
                    points: 10
                    condition: {type: touchpoint-count, atLeast: 3, within: 7d, of: {type: touchpoint-type, types: [page_view]}}
                """, "test");

        assertThat(model.policy()).isEqualTo(new QualificationPolicy(90, 25));
        assertThat(model.grades()).isEqualTo(new GradeBands(List.of(50, 30, 10), List.of(70, 40, 15)));
        assertThat(model.fit()).extracting(FitRule::condition).containsExactly(
                new FieldRange(LeadField.COMPANY_SIZE, 51, 500), new FieldContains(LeadField.INDUSTRY, "soft"),
                new FieldAbsent(LeadField.PHONE), new DisposableEmailDomain(),
                new LeadAll(List.of(new FieldIn(LeadField.COUNTRY, Set.of("US")), new LeadNot(new FreeMailDomain()))));
        EngagementRule pricing = model.engagement().get(0);
        assertThat(pricing.recurs()).isFalse();
        assertThat(pricing.decay()).isEqualTo(new HalfLife(Duration.ofDays(30)));
        EngagementRule webinar = model.engagement().get(1);
        assertThat(webinar.recurs()).isTrue();
        assertThat(webinar.decay()).isEqualTo(new ExpiresAfter(Duration.ofDays(90)));
        assertThat(webinar.condition()).isEqualTo(new TouchpointAny(List.of(new TouchpointType(Set.of("webinar")),
                new TouchpointCampaign(Set.of("spring")))));
        assertThat(model.engagement().get(2).condition())
                .isEqualTo(new TouchpointUtm(TouchpointUtm.Parameter.MEDIUM, Set.of("cpc")));
        EngagementRule binge = model.engagement().get(3);
        assertThat(binge.recurs()).as("a count rule scores once by default").isFalse();
        assertThat(binge.decay()).isEqualTo(Decay.NONE);
        assertThat(binge.condition()).isEqualTo(new TouchpointCount(new TouchpointType(Set.of("page_view")), 3,
                Duration.ofDays(7)));
    }

    @Test
    void gradesAndMinimumFitAreOptional() {
        ScoringModel model = ScoringModelReader.read("""
                version: v1
                fit: [{id: a, description: A, points: 5, condition: {type: field-present, field: email}}]
                """, "test");

        assertThat(model.grades()).isEqualTo(GradeBands.DEFAULT);
        assertThat(model.policy().minimumFit()).isNull();
    }

    @Test
    void namesTheRuleAndFieldOfEveryInvalidDecayRecurrenceOrCount() {
        assertProblems("""
                version: v1
                engagement:
                  - {id: a, description: A, points: 5, halfLife: 30 days, condition: {type: touchpoint-type, types: [x]}}
                  - {id: b, description: B, points: 5, halfLife: 30d, expiresAfter: 90d,
                     condition: {type: touchpoint-type, types: [x]}}
                  - {id: c, description: C, points: 5, recurs: yes please, condition: {type: touchpoint-type, types: [x]}}
                  - {id: d, description: D, points: 5, recurs: true,
                     condition: {type: touchpoint-count, atLeast: 3, within: 7d, of: {type: touchpoint-type, types: [x]}}}
                  - {id: e, description: E, points: 5, expiresAfter: 9d,
                     condition: {type: touchpoint-count, atLeast: 3, within: 7d, of: {type: touchpoint-type, types: [x]}}}
                  - {id: f, description: F, points: 5,
                     condition: {type: touchpoint-count, atLeast: 0, within: 0d, of: {type: field-present, field: email}}}
                """,
                "engagement[0] 'a': halfLife: must be a positive duration like 30d, 12h or 90m, not '30 days'",
                "engagement[1] 'b': expiresAfter: give halfLife or expiresAfter, not both",
                "engagement[2] 'c': recurs: must be true or false",
                "engagement[3] 'd': recurs: a count rule scores once while its count holds; it cannot recur",
                "engagement[4] 'e': expiresAfter: a count rule does not decay; its window already limits how old the "
                        + "touchpoints are",
                "engagement[5] 'f': condition.within: must be a positive duration like 30d, 12h or 90m, not '0d'",
                "engagement[5] 'f': condition.of: must be a condition on one touchpoint (touchpoint-type, "
                        + "touchpoint-url-matches, touchpoint-campaign, touchpoint-utm or their all/any/not)");
    }

    @Test
    void namesThePathOfAProblemInsideACombination() {
        assertProblems("""
                version: v1
                fit:
                  - id: a
                    description: A
                    points: 5
                    condition: {type: all, conditions: [{type: field-present, field: email},
                                                        {type: not, condition: {type: field-in, field: title, values: [x]}}]}
                  - {id: b, description: B, points: 5, condition: {type: any, conditions: [{type: field-present, field: email}]}}
                  - id: c
                    description: C
                    points: 5
                    condition: {type: all, conditions: [{type: field-present, field: email}, {type: touchpoint-type, types: [x]}]}
                  - {id: d, description: D, points: 5, condition: {type: field-range, field: companySize}}
                  - {id: e, description: E, points: 5, condition: {type: touchpoint-utm, parameter: gclid, values: [x]}}
                """,
                "fit[0] 'a': condition.conditions[1].condition.field: unknown lead field 'title'; known fields: email, "
                        + "firstName, lastName, company, jobTitle, phone, country, companySize, industry, formId, pageUrl, "
                        + "referrer, utmSource, utmMedium, utmCampaign, utmTerm, utmContent",
                "fit[1] 'b': condition.conditions: must list at least two conditions",
                "fit[2] 'c': condition.conditions: combine conditions of one kind: all on the lead, or all on one "
                        + "touchpoint (touchpoint-count cannot be combined)",
                "fit[3] 'd': condition.min: give min, max or both",
                "fit[4] 'e': condition.parameter: unknown UTM parameter 'gclid'; known parameters: source, medium, "
                        + "campaign, term, content");
    }

    @Test
    void namesAnInvalidPolicyOrGrade() {
        assertProblems("""
                version: v1
                threshold: 50
                minimumFit: 60
                fit: [{id: a, description: A, points: 5, condition: {type: field-present, field: email}}]
                """, "model: minimumFit: must not exceed the threshold (50)");
        assertProblems("""
                version: v1
                grades: {fit: [10, 20, 30], engagement: [a, b]}
                fit: [{id: a, description: A, points: 5, condition: {type: field-present, field: email}}]
                """, "model: grades.engagement: must be a list of whole numbers, e.g. [60, 40, 20]");
        assertProblems("""
                version: v1
                grades: {fit: [10, 20, 30], letters: [A]}
                fit: [{id: a, description: A, points: 5, condition: {type: field-present, field: email}}]
                """, "model: grades.letters: unknown key; expected one of engagement, fit",
                "model: grades.fit: must list three strictly descending minimums, e.g. [60, 40, 20]");
    }

    @Test
    void theShippedModelsAreValid() {
        assertThat(ScoringModelReader.load("classpath:scoring/demo-model.yaml").version()).isEqualTo("demo-2026.1");
        assertThat(ScoringModelReader.load("classpath:scoring/reference-baseline.yaml").version())
                .isEqualTo("reference-baseline-1");
    }

    private static void assertProblems(String yaml, String... problems) {
        assertThatThrownBy(() -> ScoringModelReader.read(yaml, "test.yaml"))
                .isInstanceOfSatisfying(InvalidScoringModelException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder(problems);
                    assertThat(e.getMessage()).startsWith("Invalid scoring model test.yaml:\n  - ")
                            .contains(problems);
                });
    }
}
