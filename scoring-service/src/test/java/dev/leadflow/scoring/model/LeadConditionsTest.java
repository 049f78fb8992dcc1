package dev.leadflow.scoring.model;

import static dev.leadflow.scoring.model.Leads.lead;
import static dev.leadflow.scoring.model.Leads.withUtm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.Utm;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeadConditionsTest {

    private static final LeadFacts VP = lead("ada@acme.example", "VP Marketing", "US", "1000+");

    @Test
    void fieldMatchesFindsThePatternAnywhereInTheValue() {
        FieldMatches senior = new FieldMatches(LeadField.JOB_TITLE, Pattern.compile("(?i)\\bvp\\b"));

        assertThat(senior.evidenceFor(VP)).contains("jobTitle=VP Marketing");
        assertThat(senior.evidenceFor(lead("a@b.example", "MVP developer", null, null))).isEmpty();
    }

    @Test
    void fieldMatchesNeverMatchesAMissingOrBlankValue() {
        FieldMatches anything = new FieldMatches(LeadField.JOB_TITLE, Pattern.compile(".*"));

        assertThat(anything.evidenceFor(lead("a@b.example", null, null, null))).isEmpty();
        assertThat(anything.evidenceFor(lead("a@b.example", "   ", null, null))).isEmpty();
        assertThat(anything.evidenceFor(LeadFacts.UNKNOWN)).isEmpty();
    }

    @Test
    void fieldInIgnoresCaseAndSurroundingBlanks() {
        FieldIn targetCountry = new FieldIn(LeadField.COUNTRY, Set.of("us", " GB "));

        assertThat(targetCountry.evidenceFor(VP)).contains("country=US");
        assertThat(targetCountry.evidenceFor(lead("a@b.example", null, " gb", null))).contains("country=gb");
        assertThat(targetCountry.evidenceFor(lead("a@b.example", null, "FR", null))).isEmpty();
    }

    @Test
    void fieldInNeedsAtLeastOneValue() {
        assertThatThrownBy(() -> new FieldIn(LeadField.COUNTRY, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("values:");
        assertThatThrownBy(() -> new FieldIn(LeadField.COUNTRY, Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("values:");
    }

    @Test
    void fieldEqualsComparesTheWholeValueIgnoringCase() {
        FieldEquals software = new FieldEquals(LeadField.INDUSTRY, "Software");

        assertThat(software.evidenceFor(VP)).contains("industry=software");
        assertThat(new FieldEquals(LeadField.INDUSTRY, "soft").evidenceFor(VP)).isEmpty();
        assertThatThrownBy(() -> new FieldEquals(LeadField.INDUSTRY, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("value:");
    }

    @Test
    void fieldEqualsReadsUtmAndSubmissionFields() {
        LeadFacts fromLinkedIn = withUtm(new Utm("linkedin", "paid-social", "q4-launch", null, null));

        assertThat(new FieldEquals(LeadField.UTM_SOURCE, "LinkedIn").evidenceFor(fromLinkedIn))
                .contains("utmSource=linkedin");
        assertThat(new FieldEquals(LeadField.UTM_CAMPAIGN, "q4-launch").evidenceFor(fromLinkedIn)).isPresent();
        assertThat(new FieldEquals(LeadField.FORM_ID, "demo-form").evidenceFor(VP)).contains("formId=demo-form");
    }

    @Test
    void fieldPresentNeedsANonBlankValue() {
        FieldPresent hasCompany = new FieldPresent(LeadField.COMPANY);

        assertThat(hasCompany.evidenceFor(VP)).contains("company=Acme");
        assertThat(hasCompany.evidenceFor(LeadFacts.UNKNOWN)).isEmpty();
    }

    @Test
    void evidenceNeverShowsPersonalData() {
        assertThat(new FieldPresent(LeadField.EMAIL).evidenceFor(VP)).contains("email=@acme.example");
        assertThat(new FieldPresent(LeadField.FIRST_NAME).evidenceFor(VP)).contains("firstName=(redacted)");
        assertThat(new FieldPresent(LeadField.LAST_NAME).evidenceFor(VP)).contains("lastName=(redacted)");
        assertThat(new FieldPresent(LeadField.PHONE).evidenceFor(VP)).contains("phone=(redacted)");
    }

    @Test
    void companySizeAtLeastJudgesARangeByItsLowerBound() {
        CompanySizeAtLeast enterprise = new CompanySizeAtLeast(1000);

        assertThat(enterprise.evidenceFor(VP)).contains("companySize=1000+");
        assertThat(enterprise.evidenceFor(lead("a@b.example", null, null, "1,000-5,000"))).isPresent();
        assertThat(enterprise.evidenceFor(lead("a@b.example", null, null, "201-1000"))).isEmpty();
        assertThat(new CompanySizeAtLeast(201).evidenceFor(lead("a@b.example", null, null, "201-1000"))).isPresent();
        assertThat(enterprise.evidenceFor(lead("a@b.example", null, null, "unknown"))).isEmpty();
        assertThat(enterprise.evidenceFor(lead("a@b.example", null, null, null))).isEmpty();
    }

    @Test
    void companySizeAtLeastNeedsAPositiveHeadCount() {
        assertThatThrownBy(() -> new CompanySizeAtLeast(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("employees:");
    }

    @Test
    void freeMailDomainTrustsCaptureServicesFlag() {
        LeadFacts flagged = new LeadFacts(Leads.profile("ada@some-provider.example", null, null, null), null, null,
                null, null, true);

        assertThat(new FreeMailDomain().evidenceFor(flagged)).contains("email=@some-provider.example");
    }

    @Test
    void freeMailDomainRecognisesWellKnownProvidersWithoutTheFlag() {
        assertThat(new FreeMailDomain().evidenceFor(lead("ada@GMail.com", null, null, null)))
                .contains("email=@gmail.com");
        assertThat(new FreeMailDomain().evidenceFor(VP)).isEmpty();
    }

    @Test
    void freeMailDomainUsesTheModelsDomainsWhenGiven() {
        FreeMailDomain custom = new FreeMailDomain(Set.of("Mailinator.com"));

        assertThat(custom.evidenceFor(lead("x@mailinator.com", null, null, null))).isPresent();
        assertThat(custom.evidenceFor(lead("x@gmail.com", null, null, null))).isEmpty();
    }

    @Test
    void freeMailDomainNeedsAnEmail() {
        LeadFacts noEmail = new LeadFacts(new LeadProfile(null, null, null, null, null, null, null, null, null), null,
                null, null, null, true);

        assertThat(new FreeMailDomain().evidenceFor(noEmail)).isEmpty();
    }

    @Test
    void fieldContainsFindsTheTextIgnoringCase() {
        FieldContains saas = new FieldContains(LeadField.INDUSTRY, "SOFT");

        assertThat(saas.evidenceFor(VP)).contains("industry=software");
        assertThat(saas.evidenceFor(LeadFacts.UNKNOWN)).isEmpty();
        assertThat(new FieldContains(LeadField.JOB_TITLE, "sales").evidenceFor(VP)).isEmpty();
        assertThatThrownBy(() -> new FieldContains(LeadField.JOB_TITLE, " ")).hasMessage("value: must not be blank");
    }

    @Test
    void fieldAbsentHoldsForAMissingOrBlankValueOnly() {
        FieldAbsent noCompany = new FieldAbsent(LeadField.COMPANY_SIZE);

        assertThat(noCompany.evidenceFor(lead("a@b.example", null, null, null))).contains("companySize absent");
        assertThat(noCompany.evidenceFor(lead("a@b.example", null, null, "  "))).contains("companySize absent");
        assertThat(noCompany.evidenceFor(VP)).isEmpty();
    }

    @Test
    void fieldRangeIncludesBothBoundsAndReadsBandsByTheirLowerBound() {
        FieldRange midMarket = new FieldRange(LeadField.COMPANY_SIZE, 51, 500);

        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "51-200"))).contains("companySize=51-200");
        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "500"))).contains("companySize=500");
        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "201-500"))).isPresent();
        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "11-50"))).isEmpty();
        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "501-999"))).isEmpty();
        assertThat(midMarket.evidenceFor(lead("a@b.example", null, null, "unknown"))).isEmpty();
        assertThat(midMarket.evidenceFor(LeadFacts.UNKNOWN)).isEmpty();
    }

    @Test
    void fieldRangeMayBeOpenOnEitherSide() {
        assertThat(new FieldRange(LeadField.COMPANY_SIZE, 1000, null).evidenceFor(VP)).isPresent();
        assertThat(new FieldRange(LeadField.COMPANY_SIZE, null, 999).evidenceFor(VP)).isEmpty();
        assertThat(new FieldRange(LeadField.COMPANY_SIZE, null, 10)
                .evidenceFor(lead("a@b.example", null, null, "1-10"))).isPresent();
        assertThatThrownBy(() -> new FieldRange(LeadField.COMPANY_SIZE, null, null))
                .hasMessage("min: give min, max or both");
        assertThatThrownBy(() -> new FieldRange(LeadField.COMPANY_SIZE, 10, 5)).hasMessage("max: must be at least min (10)");
    }

    @Test
    void disposableEmailFollowsCapturesFlagAndShowsOnlyTheDomain() {
        LeadFacts throwaway = new LeadFacts(Leads.profile("x@mailinator.com", null, null, null), null, null, null,
                null, false, true);

        assertThat(new DisposableEmailDomain().evidenceFor(throwaway)).contains("email=@mailinator.com (disposable)");
        assertThat(new DisposableEmailDomain().evidenceFor(VP)).isEmpty();
        assertThat(new DisposableEmailDomain().fields()).containsExactly(LeadField.EMAIL);
    }

    @Test
    void allHoldsWhenEveryConditionHoldsAndShowsEachOnesEvidence() {
        LeadAll usEnterprise = new LeadAll(List.of(new FieldIn(LeadField.COUNTRY, Set.of("US")),
                new CompanySizeAtLeast(1000)));

        assertThat(usEnterprise.evidenceFor(VP)).contains("country=US, companySize=1000+");
        assertThat(usEnterprise.evidenceFor(lead("a@b.example", null, "US", "10"))).isEmpty();
        assertThat(usEnterprise.fields()).containsExactly(LeadField.COUNTRY, LeadField.COMPANY_SIZE);
    }

    @Test
    void anyHoldsWhenOneConditionHoldsAndShowsTheFirstThatDoes() {
        LeadAny seniorOrBig = new LeadAny(List.of(new FieldMatches(LeadField.JOB_TITLE, Pattern.compile("(?i)chief")),
                new CompanySizeAtLeast(1000)));

        assertThat(seniorOrBig.evidenceFor(VP)).contains("companySize=1000+");
        assertThat(seniorOrBig.evidenceFor(lead("a@b.example", "Intern", null, "10"))).isEmpty();
    }

    @Test
    void notHoldsWhenItsConditionDoesNotAndShowsTheFieldsItRead() {
        LeadNot outsideUs = new LeadNot(new FieldIn(LeadField.COUNTRY, Set.of("US")));

        assertThat(outsideUs.evidenceFor(lead("a@b.example", null, "FR", null))).contains("not (country=FR)");
        assertThat(outsideUs.evidenceFor(lead("a@b.example", null, null, null))).contains("not (country absent)");
        assertThat(outsideUs.evidenceFor(VP)).isEmpty();
    }

    @Test
    void aCombinationNeedsAtLeastTwoConditions() {
        assertThatThrownBy(() -> new LeadAll(List.of(new FieldPresent(LeadField.EMAIL))))
                .hasMessage("conditions: must list at least two conditions");
        assertThatThrownBy(() -> new LeadAny(List.of()))
                .hasMessage("conditions: must list at least two conditions");
    }

    @Test
    void fitRulesShowTheFieldsTheyReadAsDetailsWithoutPersonalData() {
        FitRule rule = new FitRule("us-vp", "US VP", 20, new LeadAll(List.of(new FieldIn(LeadField.COUNTRY,
                Set.of("US")), new FieldPresent(LeadField.PHONE), new FieldPresent(LeadField.EMAIL))));

        assertThat(rule.evaluate(VP).orElseThrow().details())
                .extracting(ScoreEvidence::field, ScoreEvidence::value, ScoreEvidence::points)
                .containsExactly(tuple("country", "US", null), tuple("phone", "(redacted)", null),
                        tuple("email", "@acme.example", null));
    }
}
