package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Territory DACH = new Territory("dach", Set.of("DE", "AT", "CH"), Set.of(), List.of());
    private static final Territory BERLIN_AREA = new Territory("berlin", Set.of("DE"), Set.of(),
            List.of(new Territory.PostalRange("10000", "14999")));
    private static final Territory WEST_COAST = new Territory("west", Set.of(), Set.of("CA", "OR", "WA"), List.of());
    private static final Map<String, Territory> TERRITORIES =
            Map.of("dach", DACH, "berlin", BERLIN_AREA, "west", WEST_COAST);

    private static Condition.Check check(Condition condition, Lead lead) {
        return condition.check(lead, TERRITORIES);
    }

    @Test
    void fieldInMatchesIgnoringCaseAndSaysSo() {
        Condition countries = new Condition.FieldIn(LeadField.COUNTRY, Set.of("de", "US"));

        assertThat(check(countries, lead().country("DE").build()))
                .isEqualTo(new Condition.Check(true, "country DE in [de, us]"));
        assertThat(check(countries, lead().country("GB").build()))
                .isEqualTo(new Condition.Check(false, "country GB not in [de, us]"));
    }

    @Test
    void fieldInNeverMatchesAMissingField() {
        assertThat(check(new Condition.FieldIn(LeadField.GRADE, Set.of("A")), lead().grade(null).build()))
                .isEqualTo(new Condition.Check(false, "grade missing"));
    }

    @Test
    void fieldInReadsEveryLeadField() {
        Lead lead = lead().companySize("1000+").email("x@Corp.example").grade("A").utmSource("LinkedIn").build();

        assertThat(check(new Condition.FieldIn(LeadField.COMPANY_SIZE, Set.of("1000+")), lead).matched()).isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.INDUSTRY, Set.of("software")), lead).matched()).isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.EMAIL_DOMAIN, Set.of("corp.example")), lead).matched())
                .isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.GRADE, Set.of("a", "b")), lead).matched()).isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.FORM_ID, Set.of("demo-request")), lead).matched()).isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.UTM_SOURCE, Set.of("linkedin")), lead).matched()).isTrue();
        assertThat(check(new Condition.FieldIn(LeadField.UTM_MEDIUM, Set.of("cpc")), lead).explanation())
                .isEqualTo("utmMedium missing");
    }

    @Test
    void jobTitleMatchesARegexAnywhereIgnoringCase() {
        Condition seniority = Condition.JobTitleMatches.of("\\bvp\\b|chief");

        assertThat(check(seniority, lead().jobTitle("VP Sales").build()))
                .isEqualTo(new Condition.Check(true, "job title matches /\\bvp\\b|chief/"));
        assertThat(check(seniority, lead().jobTitle("Chief Technology Officer").build()).matched()).isTrue();
        assertThat(check(seniority, lead().jobTitle("MVP Engineer").build()))
                .isEqualTo(new Condition.Check(false, "job title does not match /\\bvp\\b|chief/"));
        assertThat(check(seniority, lead().jobTitle(null).build()))
                .isEqualTo(new Condition.Check(false, "job title missing"));
    }

    @Test
    void scoreAtLeastComparesInclusively() {
        Condition hot = new Condition.ScoreAtLeast(150);

        assertThat(check(hot, lead().score(150).build())).isEqualTo(new Condition.Check(true, "score 150 >= 150"));
        assertThat(check(hot, lead().score(149).build())).isEqualTo(new Condition.Check(false, "score 149 < 150"));
        assertThat(check(hot, lead().score(null).build())).isEqualTo(new Condition.Check(false, "score missing"));
    }

    @Test
    void inTerritoryMatchesByCountry() {
        assertThat(check(new Condition.InTerritory("dach"), lead().country("AT").build()))
                .isEqualTo(new Condition.Check(true, "in territory dach (country AT)"));
        assertThat(check(new Condition.InTerritory("dach"), lead().country("FR").build()))
                .isEqualTo(new Condition.Check(false, "not in territory dach"));
    }

    @Test
    void inTerritoryMatchesByRegion() {
        assertThat(check(new Condition.InTerritory("west"), lead().country("US").region("OR").build()))
                .isEqualTo(new Condition.Check(true, "in territory west (region OR)"));
        assertThat(check(new Condition.InTerritory("west"), lead().country("US").region(null).build()).matched())
                .isFalse();
    }

    @Test
    void inTerritoryMatchesAPostalCodeRangeWithinItsCountry() {
        Condition berlin = new Condition.InTerritory("berlin");

        assertThat(check(berlin, lead().country("DE").postalCode("10115").build()))
                .isEqualTo(new Condition.Check(true, "in territory berlin (postal code 10115 in 10000-14999)"));
        assertThat(check(berlin, lead().country("DE").postalCode("14999").build()).matched()).isTrue();
        assertThat(check(berlin, lead().country("DE").postalCode("15000").build()).matched()).isFalse();
        assertThat(check(berlin, lead().country("FR").postalCode("10115").build()).matched())
                .as("same code, other country").isFalse();
        assertThat(check(berlin, lead().country("DE").postalCode(null).build()).matched()).isFalse();
        assertThat(check(berlin, lead().country("DE").postalCode("1011").build()).matched())
                .as("another length is another format").isFalse();
    }

    @Test
    void anUnknownTerritoryMatchesNothing() {
        assertThat(check(new Condition.InTerritory("nowhere"), lead().build()).matched()).isFalse();
    }

    @Test
    void rejectsAnInvertedPostalRange() {
        assertThatThrownBy(() -> new Territory.PostalRange("20000", "10000")).hasMessageContaining("from <= to");
    }
}
