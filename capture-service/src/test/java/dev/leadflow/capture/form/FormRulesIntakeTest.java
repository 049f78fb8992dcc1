package dev.leadflow.capture.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.idempotency.IdempotentRequests;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake applying a registered form's rules, against the real stack. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class FormRulesIntakeTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    ObjectMapper objectMapper;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String formId;

    @BeforeEach
    void registerForm() {
        formId = "intake-" + UUID.randomUUID();
        putForm(formId, Map.of("name", "Contact sales",
                "allowedOrigins", List.of("https://www.example.com", "https://*.example.org"),
                "requiredFields", List.of("firstName", "company"),
                "allowedRedirects", List.of("https://www.example.com/thanks"),
                "honeypotField", "website",
                "minFillTime", "PT3S",
                "consentTextVersion", "privacy-2026.1",
                "hiddenDefaults", Map.of("utm_medium", "Web-Form", "industry", "Software")));
    }

    @Test
    void refusesAnUnknownFormIdWith400AndPublishesNothing() {
        String email = uniqueEmail();
        double before = rejected("unknown_form");

        postJson(Map.of("email", email, "formId", "no-such-form-" + UUID.randomUUID()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("formId")))
                .body("errors.rule", equalTo(List.of("registeredForm")));

        assertThat(rejected("unknown_form")).isEqualTo(before + 1);
        assertNothingCaptured(email);
    }

    @Test
    void reportsMissingRequiredFieldsWithEveryOtherErrorAtOnce() {
        String email = uniqueEmail();
        double before = rejected("invalid");

        postJson(Map.of("email", email, "formId", formId, "company", " ", "country", "Atlantis"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("country", "firstName", "company")))
                .body("errors.rule", equalTo(List.of("country", "required", "required")));

        assertThat(rejected("invalid")).isEqualTo(before + 1);
        assertNothingCaptured(email);
    }

    @Test
    void appliesHiddenDefaultsAndTheConsentTextVersionBeforeTheEvent() throws Exception {
        String leadId = postJson(Map.of("email", uniqueEmail(), "formId", formId, "firstName", "Ada",
                "company", "Analytical Engines", "consentMarketing", true, "industry", "Mathematics"))
                .statusCode(202).extract().path("leadId");

        LeadCaptured event = awaitEvent(leadId);
        assertThat(event.utm().medium()).isEqualTo("web-form");
        assertThat(event.profile().industry()).as("a submitted value wins over the default")
                .isEqualTo("Mathematics");
        assertThat(event.consentMarketing()).isTrue();
        assertThat(event.consentTextVersion()).isEqualTo("privacy-2026.1");
    }

    @Test
    void keepsTheConsentTextVersionASubmissionStates() throws Exception {
        String leadId = postJson(Map.of("email", uniqueEmail(), "formId", formId, "firstName", "Ada",
                "company", "Acme", "consentMarketing", "yes", "consentTextVersion", "landing-7"))
                .statusCode(202).extract().path("leadId");

        assertThat(awaitEvent(leadId).consentTextVersion()).isEqualTo("landing-7");
    }

    @Test
    void redirectsOnlyWithinTheFormsAllowedRedirects() {
        String email = uniqueEmail();
        postForm(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme",
                "redirectUrl", "https://www.example.com/thanks?from=contact"))
                .statusCode(303)
                .header("Location", "https://www.example.com/thanks?from=contact");
        assertThat(identities(email)).isEqualTo(1);

        String refused = uniqueEmail();
        postForm(Map.of("email", refused, "formId", formId, "firstName", "Ada", "company", "Acme",
                "redirectUrl", "https://evil.example.net/phish"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("redirectUrl")))
                .body("errors.rule", equalTo(List.of("allowedRedirect")));
        assertNothingCaptured(refused);
    }

    @Test
    void allowsNoRedirectForAFormWithoutAllowedRedirects() {
        String plain = "plain-" + UUID.randomUUID();
        putForm(plain, Map.of("name", "Plain"));

        postForm(Map.of("email", uniqueEmail(), "formId", plain, "redirectUrl", "https://www.example.com/thanks"))
                .statusCode(400)
                .body("errors.rule", equalTo(List.of("allowedRedirect")));
        postForm(Map.of("email", uniqueEmail(), "formId", plain)).statusCode(202);
    }

    @Test
    void answersAFilledHoneypotLikeASuccessButCapturesNothing() {
        String email = uniqueEmail();
        double before = rejected("honeypot");

        postJson(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme",
                "website", "https://spam.example"))
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("accepted"))
                .body("leadId", matchesPattern(UUID_PATTERN));
        postForm(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme",
                "website", "spam", "redirectUrl", "https://www.example.com/thanks"))
                .statusCode(303)
                .header("Location", "https://www.example.com/thanks");

        assertThat(rejected("honeypot")).isEqualTo(before + 2);
        assertNothingCaptured(email);
    }

    @Test
    void answersASubmissionFasterThanTheMinimumFillTimeLikeASuccessButCapturesNothing() {
        String email = uniqueEmail();
        double before = rejected("too_fast");

        postForm(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme",
                FormFields.FILL_TIME, "850"))
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .body("leadId", matchesPattern(UUID_PATTERN));

        assertThat(rejected("too_fast")).isEqualTo(before + 1);
        assertNothingCaptured(email);
    }

    @Test
    void capturesASubmissionThatTookLongEnoughOrWasNotTimed() {
        String timed = uniqueEmail();
        String untimed = uniqueEmail();
        postForm(Map.of("email", timed, "formId", formId, "firstName", "Ada", "company", "Acme",
                FormFields.FILL_TIME, "3000")).statusCode(202);
        postForm(Map.of("email", untimed, "formId", formId, "firstName", "Ada", "company", "Acme"))
                .statusCode(202);

        assertThat(identities(timed)).isEqualTo(1);
        assertThat(identities(untimed)).isEqualTo(1);
    }

    @Test
    void replaysTheSameAnswerToADroppedSubmissionRetriedWithItsIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> bot = Map.of("email", uniqueEmail(), "formId", formId, "firstName", "Ada",
                "company", "Acme", "website", "spam");
        String leadId = given().header(IdempotentRequests.HEADER, key).contentType(ContentType.JSON).body(bot)
                .post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        given().header(IdempotentRequests.HEADER, key).contentType(ContentType.JSON).body(bot)
                .post("/api/v1/leads")
                .then().statusCode(202)
                .body("leadId", equalTo(leadId));
    }

    @Test
    void refusesAnOriginTheFormDoesNotListWith403AndPublishesNothing() {
        String email = uniqueEmail();
        double before = rejected("origin_not_allowed");

        given().header("Origin", "https://evil.example.net").contentType(ContentType.JSON)
                .body(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme"))
                .post("/api/v1/leads")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:origin-not-allowed"))
                .body("errors.rule", equalTo(List.of("allowedOrigin")));

        assertThat(rejected("origin_not_allowed")).isEqualTo(before + 1);
        assertNothingCaptured(email);
    }

    @Test
    void acceptsListedOriginsAndRequestsWithoutOne() {
        for (String origin : new String[] {"https://www.example.com", "https://shop.example.org", null}) {
            String email = uniqueEmail();
            var request = given().contentType(ContentType.URLENC);
            if (origin != null) {
                request.header("Origin", origin);
            }
            request.formParams(Map.of("email", email, "formId", formId, "firstName", "Ada", "company", "Acme"))
                    .post("/api/v1/leads")
                    .then().statusCode(202);
            assertThat(identities(email)).as(String.valueOf(origin)).isEqualTo(1);
        }
    }

    @Test
    void appliesAChangedFormAtOnce() {
        String email = uniqueEmail();
        putForm(formId, Map.of("name", "Contact sales, short"));

        postJson(Map.of("email", email, "formId", formId)).statusCode(202);
        assertThat(identities(email)).isEqualTo(1);

        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/forms/{formId}", formId).then().statusCode(204);
        postJson(Map.of("email", uniqueEmail(), "formId", formId))
                .statusCode(400)
                .body("errors.rule", hasItems("registeredForm"));
    }

    private static void putForm(String formId, Map<String, Object> definition) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition)
                .put("/api/v1/forms/{formId}", formId)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static ValidatableResponse postJson(Map<String, Object> lead) {
        return given().contentType(ContentType.JSON).body(lead).post("/api/v1/leads").then();
    }

    private static ValidatableResponse postForm(Map<String, String> lead) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParams(new HashMap<>(lead))
                .post("/api/v1/leads").then();
    }

    private LeadCaptured awaitEvent(String leadId) throws Exception {
        String json = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, LeadCaptured.TOPIC, leadId), r -> r.size() == 1)
                .get(0).value();
        return objectMapper.readValue(json, LeadCaptured.class);
    }

    private void assertNothingCaptured(String email) {
        assertThat(identities(email)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE strpos(payload, ?1) > 0")
                .setParameter(1, email).getSingleResult()).longValue())).isZero();
        assertThat(KafkaTopics.read(bootstrapServers, LeadCaptured.TOPIC, r -> r.value().contains(email))).isEmpty();
    }

    private long identities(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM lead_identity WHERE email = ?1")
                .setParameter(1, email).getSingleResult()).longValue());
    }

    /** The counter's value; 0 before its first count (the counters exist once intake first counted any). */
    private static double rejected(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^leadflow_intake_rejected_total\\{[^}]*reason=\"" + reason
                + "\"[^}]*\\} (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static String uniqueEmail() {
        return "form-" + UUID.randomUUID() + "@example.com";
    }
}
