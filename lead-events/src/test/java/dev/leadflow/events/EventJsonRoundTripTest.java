package dev.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final UUID LEAD = UUID.fromString("6f1c1f56-4a8e-4d7b-9d55-0b4a9d7e2c11");
    private static final LeadProfile PROFILE = new LeadProfile("ada@example.com", "Ada", "Lovelace",
            "Analytical Engines", "VP Engineering", "+442071234567", "GB", "1000+", "software", "ENG", "SW1A 1AA");
    private static final TouchpointSummary TOUCHPOINTS = new TouchpointSummary(3, T0.minusSeconds(86_400), T0,
            java.util.Map.of("page_view", 2, "form_submit", 1),
            List.of(new TouchpointSummary.Recent("form_submit", "https://example.com/demo", "brand", T0),
                    new TouchpointSummary.Recent("page_view", "https://example.com/pricing", null, T0.minusSeconds(60))));
    private static final List<ScoreReason> REASONS = List.of(
            new ScoreReason("vp-title", "fit", 30, "Job title is VP or above", "VP Engineering"),
            new ScoreReason("pricing-page", "engagement", 40, "Viewed the pricing page", "https://example.com/pricing",
                    List.of(new ScoreEvidence(null, null, UUID.randomUUID(), "page_view", "example.com/pricing", T0, 25,
                                    new ScoreDecay(25, 0.5, 0.988), 1),
                            new ScoreEvidence(null, null, UUID.randomUUID(), "page_view", "example.com/pricing", T0, 15,
                                    new ScoreDecay(25, 22.0, 0.6), 1))));

    static Stream<LeadflowEvent> everyEvent() {
        return Stream.of(
                new LeadCaptured(UUID.randomUUID(), LEAD, "demo-request", T0, false, PROFILE, true, false,
                        new Utm("google", "cpc", "brand", "leadflow", "ad-1"), "https://example.com/pricing",
                        "https://google.com", "anon-123", "privacy-2026.1", T0, true),
                new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), null, "anon-123",
                        TouchpointTypes.PAGE_VIEW, "https://example.com/", null, null, T0, T0.plusMillis(5),
                        "organic"),
                new LeadScored(UUID.randomUUID(), LEAD, "demo-1", 60, 40, 100, 100, true, REASONS, T0,
                        T0.plusMillis(20), "A2", "mql"),
                new LeadStageChanged(UUID.randomUUID(), LEAD, "lead", "mql", "reached threshold 100 with 100 points",
                        UUID.randomUUID(), T0.plusMillis(20)),
                new LeadQualified(UUID.randomUUID(), LEAD, UUID.randomUUID(), "demo-1", 100, 100, PROFILE, REASONS,
                        T0, T0.plusMillis(21)),
                new LeadRouted(UUID.randomUUID(), LEAD, UUID.randomUUID(), "alice", "Alice Adams", OwnerType.REP,
                        "round-robin", "Round robin over 3 active reps", T0, T0.plusMillis(21), T0.plusMillis(40),
                        T0.plusSeconds(300), PROFILE, 100, REASONS),
                new LeadQualified(UUID.randomUUID(), LEAD, UUID.randomUUID(), "demo-1", 100, 100, PROFILE, REASONS,
                        T0, T0.plusMillis(21), false, "demo-request", new Utm("google", "cpc", "brand", null, null),
                        "A1", TOUCHPOINTS),
                new LeadRouted(UUID.randomUUID(), LEAD, UUID.randomUUID(), "bob", "Bob Brown", OwnerType.REP,
                        "enterprise", "Reassigned after a missed first-contact SLA", T0, T0.plusMillis(21),
                        T0.plusSeconds(400), T0.plusSeconds(700), PROFILE, 100, REASONS, "https://cal.example/bob",
                        TOUCHPOINTS, 1, "alice"),
                new LeadSlaBreached(UUID.randomUUID(), LEAD, "alice", T0, T0.plusSeconds(300), T0.plusSeconds(301)),
                new LeadSlaBreached(UUID.randomUUID(), LEAD, "alice", T0, T0.plusSeconds(300), T0.plusSeconds(301),
                        UUID.randomUUID(), "everyone-else", 1, LeadSlaBreached.ESCALATION_REASSIGNED,
                        "manager@leadflow.example", "bob"),
                new LeadContacted(UUID.randomUUID(), LEAD, "alice", "phone", T0.plusSeconds(120)),
                new OpportunityCreated(UUID.randomUUID(), LEAD, "opp-1", new BigDecimal("12000.00"), "EUR", T0),
                new OpportunityWon(UUID.randomUUID(), LEAD, "opp-1", new BigDecimal("12000.00"), "EUR", T0),
                new OpportunityLost(UUID.randomUUID(), LEAD, "opp-1", "budget", T0),
                new LeadDisqualified(UUID.randomUUID(), LEAD, "alice", "no budget this year", T0),
                new LeadErasureRequested(UUID.randomUUID(), LEAD, T0),
                new LeadErased(UUID.randomUUID(), LEAD, "capture-service", T0));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void survivesJsonRoundTrip(LeadflowEvent event) throws Exception {
        String json = MAPPER.writeValueAsString(event);

        Object back = MAPPER.readValue(json, event.getClass());

        assertThat(back).isEqualTo(event);
        assertThat(MAPPER.readTree(json).get("eventId").asText()).isEqualTo(event.eventId().toString());
    }

    @Test
    void routedLeadCarriesTheCrmContractFieldsWithIsoTimestamps() throws Exception {
        LeadRouted routed = (LeadRouted) everyEvent().filter(LeadRouted.class::isInstance).findFirst().orElseThrow();

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(routed));

        assertThat(json.fieldNames()).toIterable().contains("leadId", "ownerId", "ownerType", "ruleId", "reason",
                "capturedAt", "qualifiedAt", "routedAt", "slaDueAt", "lead", "score");
        assertThat(json.get("lead").fieldNames()).toIterable()
                .contains("email", "firstName", "lastName", "company", "jobTitle", "country");
        assertThat(json.get("routedAt").asText()).isEqualTo("2026-11-23T10:15:30.163Z");
        assertThat(json.get("ownerType").asText()).isEqualTo("rep");
    }

    @Test
    void readsEventsThatCarryFieldsAddedByANewerProducer() throws Exception {
        String json = """
                {"eventId":"%s","leadId":"%s","repId":"bob","channel":"email",
                 "contactedAt":"2026-11-23T10:20:00Z","addedLater":"ignored"}""".formatted(UUID.randomUUID(), LEAD);

        LeadContacted contacted = MAPPER.copy()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(json, LeadContacted.class);

        assertThat(contacted.repId()).isEqualTo("bob");
        assertThat(contacted.contactedAt()).isEqualTo(Instant.parse("2026-11-23T10:20:00Z"));
    }

    @Test
    void capturedLeadCarriesProofOfConsentAndTheDisposableDomainFlag() throws Exception {
        LeadCaptured captured = (LeadCaptured) everyEvent().filter(LeadCaptured.class::isInstance).findFirst()
                .orElseThrow();

        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(captured));

        assertThat(json.get("consentMarketing").asBoolean()).isTrue();
        assertThat(json.get("consentTextVersion").asText()).isEqualTo("privacy-2026.1");
        assertThat(json.get("consentedAt").asText()).isEqualTo("2026-11-23T10:15:30.123Z");
        assertThat(json.get("disposableEmailDomain").asBoolean()).isTrue();
        assertThat(json.get("freeMailDomain").asBoolean()).isFalse();
    }

    @Test
    void theConstructorsOfEarlierVersionsLeaveTheNewFieldsEmpty() {
        LeadCaptured captured = new LeadCaptured(UUID.randomUUID(), LEAD, "demo", T0, false, PROFILE, true, true,
                null, null, null, null);
        TouchpointRecorded touchpoint = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), LEAD, null,
                TouchpointTypes.EMAIL_CLICK, null, null, null, T0, T0);

        assertThat(captured.consentTextVersion()).isNull();
        assertThat(captured.consentedAt()).isNull();
        assertThat(captured.disposableEmailDomain()).isFalse();
        assertThat(captured.freeMailDomain()).isTrue();
        assertThat(touchpoint.channel()).isNull();
        assertThat(touchpoint.type()).isEqualTo("email_click");
    }

    @Test
    void readsEventsOfAnEarlierProducerWithoutTheAddedFields() throws Exception {
        String json = """
                {"eventId":"%s","touchpointId":"%s","leadId":"%s","type":"page_view",
                 "occurredAt":"2026-11-23T10:20:00Z","recordedAt":"2026-11-23T10:20:01Z"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), LEAD);

        TouchpointRecorded touchpoint = MAPPER.readValue(json, TouchpointRecorded.class);

        assertThat(touchpoint.channel()).isNull();
        assertThat(touchpoint.leadId()).isEqualTo(LEAD);
    }

    @Test
    void readsARoutedLeadOfAnEarlierProducerAsAFirstRoutingWithoutSummary() throws Exception {
        String json = """
                {"eventId":"%s","leadId":"%s","qualificationId":"%s","ownerId":"alice","ownerType":"rep",
                 "lead":{"email":"ada@example.com","country":"GB"},"score":100}"""
                .formatted(UUID.randomUUID(), LEAD, UUID.randomUUID());

        LeadRouted routed = MAPPER.readValue(json, LeadRouted.class);

        assertThat(routed.reassignments()).isZero();
        assertThat(routed.previousOwnerId()).isNull();
        assertThat(routed.touchpoints()).isNull();
        assertThat(routed.lead().region()).isNull();
        assertThat(routed.lead().postalCode()).isNull();
        assertThat(routed.lead().country()).isEqualTo("GB");
    }

    @Test
    void readsAnSlaBreachOfAnEarlierProducerAsOneWithoutEscalation() throws Exception {
        String json = """
                {"eventId":"%s","leadId":"%s","ownerId":"alice","routedAt":"2026-11-23T10:15:30Z",
                 "slaDueAt":"2026-11-23T10:20:30Z","breachedAt":"2026-11-23T10:20:31Z"}"""
                .formatted(UUID.randomUUID(), LEAD);

        LeadSlaBreached breach = MAPPER.readValue(json, LeadSlaBreached.class);

        assertThat(breach.ownerId()).isEqualTo("alice");
        assertThat(breach.qualificationId()).isNull();
        assertThat(breach.ruleId()).isNull();
        assertThat(breach.reassignments()).isZero();
        assertThat(breach.escalation()).isNull();
        assertThat(breach.notifyManager()).isNull();
        assertThat(breach.reassignedTo()).isNull();
        assertThat(new LeadSlaBreached(UUID.randomUUID(), LEAD, "alice", T0, T0, T0).escalation()).isNull();
    }

    @Test
    void listsEveryTouchpointTypeOnceInLowerSnakeCase() {
        assertThat(TouchpointTypes.ALL).hasSize(15)
                .contains("page_view", "form_submit", "email_open", "email_click", "ad_click", "webinar_registered",
                        "webinar_attended", "content_download", "event_attended", "chat", "meeting_booked",
                        "pricing_page_view", "webinar", "form_error", "redirect")
                .allSatisfy(type -> assertThat(type).matches("[a-z_]{1,64}"));
    }

    @Test
    void everyTopicHasADistinctName() {
        assertThat(Topics.ALL).doesNotHaveDuplicates().hasSize(9)
                .allSatisfy(topic -> assertThat(topic).doesNotEndWith(Topics.DEAD_LETTER_SUFFIX));
    }

    @Test
    void readsAScoreOfTheOlderContractWithoutGradeStageOrDetails() throws Exception {
        String json = """
                {"eventId": "%s", "leadId": "%s", "modelVersion": "demo-1", "fit": 30, "engagement": 0, "total": 30,
                 "threshold": 100, "qualified": false, "reasons": [{"ruleId": "vp", "dimension": "fit", "points": 30,
                 "description": "VP", "evidence": "jobTitle=VP"}], "capturedAt": "2026-11-23T10:15:30Z",
                 "scoredAt": "2026-11-23T10:15:31Z"}""".formatted(UUID.randomUUID(), LEAD);

        LeadScored scored = MAPPER.readValue(json, LeadScored.class);

        assertThat(scored.grade()).isNull();
        assertThat(scored.stage()).isNull();
        assertThat(scored.reasons()).singleElement().satisfies(reason -> assertThat(reason.details()).isEmpty());
    }
}
