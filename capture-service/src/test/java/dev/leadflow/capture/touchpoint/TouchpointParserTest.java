package dev.leadflow.capture.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.Validated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TouchpointParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TouchpointParser parser = new TouchpointParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void readsAKnownLeadsTouchpoint() {
        UUID leadId = UUID.randomUUID();
        TouchpointSubmission touchpoint = one(Map.of("type", "pricing_page_view", "leadId", leadId.toString(),
                "url", "https://www.example.com/pricing", "campaign", " Spring ", "utm_source", "Google",
                "occurredAt", "2026-03-01T11:00:00Z"));

        assertThat(touchpoint.leadId()).isEqualTo(leadId);
        assertThat(touchpoint.type()).isEqualTo("pricing_page_view");
        assertThat(touchpoint.campaign()).isEqualTo("Spring");
        assertThat(touchpoint.utm().source()).isEqualTo("google");
        assertThat(touchpoint.occurredAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(touchpoint.recordKey()).isEqualTo(leadId.toString());
    }

    @Test
    void keysAnAnonymousTouchpointByItsAnonymousIdAndDatesItNow() {
        TouchpointSubmission touchpoint = one(Map.of("type", "page_view", "anonymousId", "anon-1"));

        assertThat(touchpoint.recordKey()).isEqualTo("anon-1");
        assertThat(touchpoint.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void requiresATypeAndALeadIdOrAnonymousId() {
        assertThat(errors(Map.of())).containsExactly(
                new FieldError("type", "required", "is required"),
                new FieldError("leadId", "required", "leadId or anonymousId is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_view", "pricing_page_view", "form_submit", "email_open", "email_click", "ad_click",
            "webinar_registered", "webinar_attended", "webinar", "content_download", "event_attended", "chat",
            "meeting_booked"})
    void acceptsEveryKnownType(String type) {
        assertThat(one(Map.of("type", type, "anonymousId", "a")).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Page_View", "page-view", "page view", "pagé", "pageview", "video_play", "PAGE_VIEW"})
    void rejectsTypesThatAreNotKnown(String type) {
        assertThat(errors(Map.of("type", type, "anonymousId", "a")))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("type", "touchpointType"));
    }

    @Test
    void namesTheKnownTypesInTheMessage() {
        assertThat(errors(Map.of("type", "video_play", "anonymousId", "a")))
                .singleElement().extracting(FieldError::message).asString()
                .startsWith("must be one of ").contains("page_view", "meeting_booked").doesNotContain("video_play");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "paid_search", "social", "organic", "direct", "referral"})
    void carriesAnOptionalChannel(String channel) {
        assertThat(one(Map.of("type", "page_view", "anonymousId", "a", "channel", channel)).channel())
                .isEqualTo(channel);
        assertThat(one(Map.of("type", "page_view", "anonymousId", "a")).channel()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email", "paid-search", "paid search", "e1", "x23456789012345678901234567890123"})
    void restrictsChannelsToLowerCaseWordsOfAtMost32Characters(String channel) {
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "channel", channel)))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("channel", "pattern"));
    }

    @Test
    void acceptsAChannelOf32Characters() {
        assertThat(one(Map.of("type", "page_view", "anonymousId", "a", "channel", "c".repeat(32))).channel())
                .hasSize(32);
    }

    @Test
    void acceptsTouchpointsLongPast() {
        assertThat(one(Map.of("type", "page_view", "anonymousId", "a", "occurredAt", "2019-01-01T00:00:00Z"))
                .occurredAt()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
    }

    @Test
    void rejectsAMalformedLeadIdWithoutAlsoCallingItMissing() {
        assertThat(errors(Map.of("type", "page_view", "leadId", "42")))
                .containsExactly(new FieldError("leadId", "uuid", "must be a UUID"));
    }

    @Test
    void rejectsAMalformedTimestamp() {
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "occurredAt", "2026-03-01 11:00")))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("occurredAt", "timestamp"));
    }

    @Test
    void toleratesClockSkewButNotTheFuture() {
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "occurredAt", "2026-03-01T12:04:00Z")))
                .isEmpty();
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "occurredAt", "2026-03-01T12:05:00Z")))
                .isEmpty();
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "occurredAt", "2026-03-01T12:06:00Z")))
                .extracting(FieldError::rule).containsExactly("notInFuture");
    }

    @Test
    void requiresAbsoluteHttpUrlsAndLimitsCampaigns() {
        assertThat(errors(Map.of("type", "page_view", "anonymousId", "a", "url", "/pricing",
                "campaign", "c".repeat(201))))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("url", "url"), tuple("campaign", "maxLength"));
    }

    @Test
    void readsABatchInOrder() {
        Validated<List<TouchpointSubmission>> batch = parser.parseBatch(List.of(
                Map.of("type", "page_view", "anonymousId", "a"),
                Map.of("type", "webinar", "anonymousId", "a")));

        assertThat(batch).isInstanceOf(Validated.Valid.class);
        assertThat(((Validated.Valid<List<TouchpointSubmission>>) batch).value())
                .extracting(TouchpointSubmission::type).containsExactly("page_view", "webinar");
    }

    @Test
    void namesTheItemOfEveryErrorInABatch() {
        Validated<List<TouchpointSubmission>> batch = parser.parseBatch(List.of(
                Map.of("type", "page_view", "anonymousId", "a"),
                Map.of("type", "BAD", "anonymousId", "a"),
                42));

        assertThat(((Validated.Invalid<List<TouchpointSubmission>>) batch).errors())
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("[1].type", "touchpointType"), tuple("[2]", "type"));
    }

    @Test
    void rejectsAnEmptyBatch() {
        assertThat(((Validated.Invalid<List<TouchpointSubmission>>) parser.parseBatch(List.of())).errors())
                .extracting(FieldError::rule).containsExactly("notEmpty");
    }

    private TouchpointSubmission one(Map<String, ?> fields) {
        Validated<List<TouchpointSubmission>> result = parser.parseOne(fields);
        assertThat(result).isInstanceOf(Validated.Valid.class);
        return ((Validated.Valid<List<TouchpointSubmission>>) result).value().get(0);
    }

    private List<FieldError> errors(Map<String, ?> fields) {
        return parser.parseOne(fields) instanceof Validated.Invalid<List<TouchpointSubmission>> invalid
                ? invalid.errors() : List.of();
    }
}
