package dev.leadflow.routing.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.OpportunityCreated;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.OpportunityWon;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrmActivityParserTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String LEAD = "6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CrmActivityParser parser = new CrmActivityParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAFirstContactUnderTheCrmsActivityId() {
        String activityId = UUID.randomUUID().toString();
        LeadContacted contacted = (LeadContacted) parsed("""
                {"type": "lead.contacted", "activityId": "%s", "leadId": "%s", "repId": "alice",
                 "channel": "phone", "occurredAt": "2026-11-24T09:30:00Z"}""".formatted(activityId, LEAD)).event();
        assertThat(contacted.eventId()).hasToString(activityId);
        assertThat(contacted.leadId()).hasToString(LEAD);
        assertThat(contacted.repId()).isEqualTo("alice");
        assertThat(contacted.channel()).isEqualTo("phone");
        assertThat(contacted.contactedAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
    }

    @Test
    void givesAnActivityWithoutIdAFreshIdAndWithoutTimeTheTimeItArrived() {
        CrmActivityParser.Parsed first = parsed("""
                {"type": "lead.contacted", "leadId": "%s", "repId": "alice"}""".formatted(LEAD));
        CrmActivityParser.Parsed second = parsed("""
                {"type": "lead.contacted", "leadId": "%s", "repId": "alice"}""".formatted(LEAD));
        assertThat(first.event().eventId()).isNotEqualTo(second.event().eventId());
        assertThat(((LeadContacted) first.event()).contactedAt()).isEqualTo(NOW);
    }

    @Test
    void readsOpportunitiesWithAmountAndCurrency() {
        OpportunityCreated created = (OpportunityCreated) parsed("""
                {"type": "opportunity.created", "leadId": "%s", "opportunityId": "opp-1", "amount": 48000.5,
                 "currency": "eur"}""".formatted(LEAD)).event();
        assertThat(created.amount()).isEqualByComparingTo("48000.5");
        assertThat(created.currency()).isEqualTo("EUR");
        OpportunityWon won = (OpportunityWon) parsed("""
                {"type": "opportunity.won", "leadId": "%s", "opportunityId": "opp-1", "amount": "48000.00",
                 "currency": "USD"}""".formatted(LEAD)).event();
        assertThat(won.amount()).isEqualTo(new BigDecimal("48000.00"));
        OpportunityLost lost = (OpportunityLost) parsed("""
                {"type": "opportunity.lost", "leadId": "%s", "opportunityId": "opp-1", "reason": "no budget"}"""
                .formatted(LEAD)).event();
        assertThat(lost.reason()).isEqualTo("no budget");
    }

    @Test
    void readsADisqualificationWithTheRepAndAnOptionalReason() {
        LeadDisqualified disqualified = (LeadDisqualified) parsed("""
                {"type": "lead.disqualified", "leadId": "%s", "repId": "alice", "reason": "student, no budget",
                 "occurredAt": "2026-11-24T09:45:00Z"}""".formatted(LEAD)).event();
        assertThat(disqualified.leadId()).hasToString(LEAD);
        assertThat(disqualified.repId()).isEqualTo("alice");
        assertThat(disqualified.reason()).isEqualTo("student, no budget");
        assertThat(disqualified.occurredAt()).isEqualTo(Instant.parse("2026-11-24T09:45:00Z"));
        LeadDisqualified withoutReason = (LeadDisqualified) parsed("""
                {"type": "lead.disqualified", "leadId": "%s", "repId": "bob"}""".formatted(LEAD)).event();
        assertThat(withoutReason.reason()).isNull();
        assertThat(withoutReason.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void refusesADisqualificationWithoutItsRep() {
        assertThat(invalid("""
                {"type": "lead.disqualified", "leadId": "%s", "reason": "no fit"}""".formatted(LEAD)).errors())
                .extracting(CrmActivityParser.Error::field, CrmActivityParser.Error::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("repId", "required"));
    }

    @Test
    void listsEveryBrokenRuleAtOnce() {
        CrmActivityParser.Invalid invalid = invalid("""
                {"type": "opportunity.won", "leadId": "not-a-uuid", "opportunityId": 7, "amount": -1,
                 "currency": "XYZ", "occurredAt": "2026-11-24T10:06:00Z"}""");
        assertThat(invalid.errors()).extracting(CrmActivityParser.Error::field, CrmActivityParser.Error::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("leadId", "uuid"),
                        org.assertj.core.groups.Tuple.tuple("opportunityId", "type"),
                        org.assertj.core.groups.Tuple.tuple("amount", "amountRange"),
                        org.assertj.core.groups.Tuple.tuple("currency", "currency"),
                        org.assertj.core.groups.Tuple.tuple("occurredAt", "notInFuture"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown type | {\"type\": \"meeting.booked\", \"leadId\": \"" + LEAD + "\"} | type | activityType",
            "no type | {\"leadId\": \"" + LEAD + "\"} | type | required",
            "no lead | {\"type\": \"lead.contacted\", \"repId\": \"a\"} | leadId | required",
            "contact without rep | {\"type\": \"lead.contacted\", \"leadId\": \"" + LEAD + "\"} | repId | required",
            "won without amount | {\"type\": \"opportunity.won\", \"leadId\": \"" + LEAD
                    + "\", \"opportunityId\": \"o\", \"currency\": \"EUR\"} | amount | required",
            "created without currency | {\"type\": \"opportunity.created\", \"leadId\": \"" + LEAD
                    + "\", \"opportunityId\": \"o\", \"amount\": 1} | currency | required",
            "five decimals | {\"type\": \"opportunity.won\", \"leadId\": \"" + LEAD
                    + "\", \"opportunityId\": \"o\", \"amount\": 1.00001, \"currency\": \"EUR\"} | amount | amountRange",
            "amount as words | {\"type\": \"opportunity.won\", \"leadId\": \"" + LEAD
                    + "\", \"opportunityId\": \"o\", \"amount\": \"lots\", \"currency\": \"EUR\"} | amount | number",
            "lost without opportunity | {\"type\": \"opportunity.lost\", \"leadId\": \"" + LEAD
                    + "\"} | opportunityId | required",
            "bad time | {\"type\": \"lead.contacted\", \"leadId\": \"" + LEAD
                    + "\", \"repId\": \"a\", \"occurredAt\": \"yesterday\"} | occurredAt | timestamp",
            "control character | {\"type\": \"lead.contacted\", \"leadId\": \"" + LEAD
                    + "\", \"repId\": \"a\\u0000b\"} | repId | noControlCharacters",
            "not an object | [1, 2] | '' | type"})
    void refuses(String why, String body, String field, String rule) {
        assertThat(invalid(body).errors()).extracting(CrmActivityParser.Error::field, CrmActivityParser.Error::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(field == null ? "" : field, rule));
    }

    @Test
    void refusesTextLongerThanItsLimit() {
        String rep = "r".repeat(CrmActivityParser.MAX_TEXT + 1);
        assertThat(invalid("""
                {"type": "lead.contacted", "leadId": "%s", "repId": "%s"}""".formatted(LEAD, rep)).errors())
                .extracting(CrmActivityParser.Error::rule).containsExactly("maxLength");
    }

    private CrmActivityParser.Parsed parsed(String body) {
        CrmActivityParser.Result result = parser.parse(read(body));
        assertThat(result).isInstanceOf(CrmActivityParser.Parsed.class);
        return (CrmActivityParser.Parsed) result;
    }

    private CrmActivityParser.Invalid invalid(String body) {
        CrmActivityParser.Result result = parser.parse(read(body));
        assertThat(result).isInstanceOf(CrmActivityParser.Invalid.class);
        return (CrmActivityParser.Invalid) result;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
