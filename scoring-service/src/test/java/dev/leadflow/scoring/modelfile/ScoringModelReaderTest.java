package dev.leadflow.scoring.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.scoring.model.CompanySizeAtLeast;
import dev.leadflow.scoring.model.EngagementRule;
import dev.leadflow.scoring.model.FieldEquals;
import dev.leadflow.scoring.model.FieldIn;
import dev.leadflow.scoring.model.FieldMatches;
import dev.leadflow.scoring.model.FieldPresent;
import dev.leadflow.scoring.model.FitRule;
import dev.leadflow.scoring.model.FreeMailDomain;
import dev.leadflow.scoring.model.LeadField;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.TouchpointType;
import dev.leadflow.scoring.model.TouchpointUrlMatches;
import java.nio.file.Files;
import java.nio.file.Path;
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
                  - {id: r, description: R, points: 5, condition: {type: field-contains, field: email}}
                """, "fit[0] 'r': condition.type: unknown type 'field-contains'; known types: company-size-at-least, "
                + "field-equals, field-in, field-matches, field-present, free-mail-domain, touchpoint-type, "
                + "touchpoint-url-matches");
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
                "model: treshold: unknown key; expected one of engagement, fit, threshold, version",
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
        assertProblems("- just a list\n", "the model must be a mapping with keys engagement, fit, threshold, version");
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

    private static void assertProblems(String yaml, String... problems) {
        assertThatThrownBy(() -> ScoringModelReader.read(yaml, "test.yaml"))
                .isInstanceOfSatisfying(InvalidScoringModelException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder(problems);
                    assertThat(e.getMessage()).startsWith("Invalid scoring model test.yaml:\n  - ")
                            .contains(problems);
                });
    }
}
