package dev.leadflow.capture.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class LeadIntakeTest {

    @Inject
    ObjectMapper objectMapper;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource("/api/v1/leads")
    URI leadsUri;

    @Test
    void acceptsAJsonLeadAndPublishesOneNormalisedCloudEvent() throws Exception {
        String email = uniqueEmail();
        String leadId = given().contentType(ContentType.JSON)
                .body(Map.of("email", "  " + email.toUpperCase() + " ", "formId", "demo-request",
                        "firstName", " Ada\u0007 ", "country", "de", "utm_source", " Google ",
                        "consentMarketing", true, "jobTitle", "", "consentTextVersion", "privacy-2026.1",
                        "phone", "030 1234567", "companySize", "1,000+"))
                .when().post("/api/v1/leads")
                .then().statusCode(202)
                .body("status", equalTo("accepted"))
                .body("leadId", notNullValue())
                .extract().path("leadId");

        ConsumerRecord<String, String> record = awaitSingleEvent(leadId);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo(LeadCaptured.TYPE);
        assertThat(KafkaTopics.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTopics.header(record, "ce_source")).isEqualTo("/leadflow/capture-service");
        assertThat(KafkaTopics.header(record, "content-type")).isEqualTo("application/json");
        LeadCaptured event = objectMapper.readValue(record.value(), LeadCaptured.class);
        assertThat(KafkaTopics.header(record, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(event.leadId()).hasToString(leadId);
        assertThat(event.returning()).isFalse();
        assertThat(event.formId()).isEqualTo("demo-request");
        assertThat(event.profile().email()).isEqualTo(email);
        assertThat(event.profile().firstName()).isEqualTo("Ada");
        assertThat(event.profile().country()).isEqualTo("DE");
        assertThat(event.profile().jobTitle()).isNull();
        assertThat(event.utm().source()).isEqualTo("google");
        assertThat(event.profile().phone()).isEqualTo("+49301234567");
        assertThat(event.profile().companySize()).isEqualTo("1000-4999");
        assertThat(event.consentMarketing()).isTrue();
        assertThat(event.consentTextVersion()).isEqualTo("privacy-2026.1");
        assertThat(event.consentedAt()).isEqualTo(event.capturedAt());
        assertThat(event.freeMailDomain()).isFalse();
        assertThat(event.disposableEmailDomain()).isFalse();
    }

    @Test
    void flagsADisposableAddressInTheEvent() throws Exception {
        String email = "lead-" + UUID.randomUUID() + "@inbox.mailinator.com";
        String leadId = postJson(Map.of("email", email, "formId", "newsletter", "country", "United Kingdom"));

        LeadCaptured event = objectMapper.readValue(awaitSingleEvent(leadId).value(), LeadCaptured.class);
        assertThat(event.disposableEmailDomain()).isTrue();
        assertThat(event.freeMailDomain()).isFalse();
        assertThat(event.profile().country()).isEqualTo("GB");
        assertThat(event.consentMarketing()).isNull();
        assertThat(event.consentedAt()).isNull();
    }

    @Test
    void keepsWhatEarlierSubmissionsToldWhenALaterOneLeavesFieldsEmpty() throws Exception {
        String email = uniqueEmail();
        String leadId = postJson(Map.of("email", email, "formId", "webinar", "firstName", "Ada",
                "company", "Analytical Engines", "country", "Germany", "companySize", "201-500",
                "consentMarketing", true, "consentTextVersion", "v1", "region", "de-by", "postalCode", " 80331 "));
        LeadCaptured first = objectMapper.readValue(awaitSingleEvent(leadId).value(), LeadCaptured.class);

        assertThat(postJson(Map.of("email", email, "formId", "demo-request", "phone", "+44 20 7946 0958",
                "firstName", " ", "company", ""))).isEqualTo(leadId);

        LeadCaptured second = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(leadId), e -> e.size() == 2)
                .stream().filter(LeadCaptured::returning).findFirst().orElseThrow();
        assertThat(second.formId()).isEqualTo("demo-request");
        assertThat(first.profile().region()).isEqualTo("BY");
        assertThat(first.profile().postalCode()).isEqualTo("80331");
        assertThat(second.profile()).isEqualTo(new LeadProfile(email, "Ada", null, "Analytical Engines", null,
                "+442079460958", "DE", "201-500", null, "BY", "80331"));
        assertThat(second.consentMarketing()).isTrue();
        assertThat(second.consentTextVersion()).isEqualTo("v1");
        assertThat(second.consentedAt()).isEqualTo(first.capturedAt());
    }

    @Test
    void updatesFieldsALaterSubmissionStatesAndRecordsAWithdrawnConsent() throws Exception {
        String email = uniqueEmail();
        String leadId = postJson(Map.of("email", email, "formId", "webinar", "jobTitle", "Engineer",
                "consentMarketing", "yes", "consentTextVersion", "v1"));
        postJson(Map.of("email", email, "formId", "demo-request", "jobTitle", "VP Engineering",
                "consentMarketing", "no", "consentTextVersion", "v2"));

        LeadCaptured second = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(leadId), e -> e.size() == 2)
                .stream().filter(LeadCaptured::returning).findFirst().orElseThrow();
        assertThat(second.profile().jobTitle()).isEqualTo("VP Engineering");
        assertThat(second.consentMarketing()).isFalse();
        assertThat(second.consentTextVersion()).isEqualTo("v2");
        assertThat(second.consentedAt()).isNull();
    }

    @Test
    void mergesConcurrentSubmissionsOfOneEmailWithoutLosingAField() throws Exception {
        String email = uniqueEmail();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService submitters = Executors.newFixedThreadPool(10);
        List<String> leadIds = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // Each submission states a field no other one does: a lost update would lose that field.
                String body = objectMapper.writeValueAsString(Map.of("email", email, "formId", "demo-request",
                        i % 2 == 0 ? "company" : "jobTitle", i % 2 == 0 ? "Acme" : "CTO",
                        "industry", i == 7 ? "Software" : "", "lastName", i == 4 ? "Lovelace" : ""));
                answers.add(submitters.submit(() -> {
                    start.await();
                    return client.send(HttpRequest.newBuilder(leadsUri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(202);
                leadIds.add(objectMapper.readTree(response.body()).get("leadId").asText());
            }
        } finally {
            submitters.shutdownNow();
        }

        assertThat(leadIds).hasSize(10).containsOnly(leadIds.get(0));
        assertThat(storedProfile(email)).containsExactly("Lovelace", "Acme", "CTO", "Software");
        List<LeadCaptured> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(leadIds.get(0)), e -> e.size() == 10);
        assertThat(events).filteredOn(e -> !e.returning()).hasSize(1);
        // The submission merged last saw every other one's fields, and published them all.
        assertThat(events).anySatisfy(e -> assertThat(e.profile()).isEqualTo(new LeadProfile(email, null, "Lovelace",
                "Acme", "CTO", null, null, null, "Software")));
    }

    @Test
    void rejectsPhonesCountriesAndCompanySizesItCannotNormalise() {
        String email = uniqueEmail();
        given().contentType(ContentType.URLENC)
                .formParam("email", email).formParam("formId", "demo-request")
                .formParam("phone", "030 1234567").formParam("country", "Atlantis").formParam("companySize", "lots")
                .when().post("/api/v1/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("phone", "country", "companySize"))
                .body("errors.rule", hasItems("phone", "country", "companySize"))
                .body("errors.size()", equalTo(3));

        assertThat(identities(email)).isZero();
    }

    @Test
    void acceptsAPlainHtmlFormPost() throws Exception {
        String email = uniqueEmail().replace("@example.com", "@gmail.com");
        String leadId = given().contentType(ContentType.URLENC)
                .formParam("email", email).formParam("formId", "newsletter")
                .formParam("consentMarketing", "on").formParam("utm_campaign", "Spring-Launch")
                .when().post("/api/v1/leads")
                .then().statusCode(202).body("status", equalTo("accepted"))
                .extract().path("leadId");

        LeadCaptured event = objectMapper.readValue(awaitSingleEvent(leadId).value(), LeadCaptured.class);
        assertThat(event.profile().email()).isEqualTo(email);
        assertThat(event.consentMarketing()).isTrue();
        assertThat(event.freeMailDomain()).isTrue();
        assertThat(event.utm().campaign()).isEqualTo("spring-launch");
    }

    @Test
    void redirectsAFormPostCarryingRedirectUrl() {
        String email = uniqueEmail();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", email).formParam("formId", "demo-request")
                .formParam("redirectUrl", "https://www.example.com/thanks")
                .when().post("/api/v1/leads")
                .then().statusCode(303)
                .header("Location", "https://www.example.com/thanks");

        assertThat(identities(email)).isEqualTo(1);
    }

    @Test
    void givesAReturningEmailItsFirstLeadId() throws Exception {
        String email = uniqueEmail();
        String first = postJson(Map.of("email", email, "formId", "webinar"));
        String second = postJson(Map.of("email", " " + email.toUpperCase(), "formId", "demo-request"));

        assertThat(second).isEqualTo(first);
        List<LeadCaptured> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(first), e -> e.size() == 2);
        assertThat(events).extracting(LeadCaptured::returning).containsExactlyInAnyOrder(false, true);
        assertThat(events).filteredOn(LeadCaptured::returning).extracting(LeadCaptured::formId)
                .containsExactly("demo-request");
    }

    @Test
    void givesConcurrentFirstSubmissionsOfOneEmailOneLeadId() throws Exception {
        String body = objectMapper.writeValueAsString(Map.of("email", uniqueEmail(), "formId", "demo-request"));
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService submitters = Executors.newFixedThreadPool(20);
        List<String> leadIds = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(submitters.submit(() -> {
                    start.await();
                    return client.send(HttpRequest.newBuilder(leadsUri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(202);
                leadIds.add(objectMapper.readTree(response.body()).get("leadId").asText());
            }
        } finally {
            submitters.shutdownNow();
        }

        assertThat(leadIds).hasSize(20).containsOnly(leadIds.get(0));
        List<LeadCaptured> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(leadIds.get(0)), e -> e.size() == 20);
        assertThat(events).filteredOn(e -> !e.returning()).hasSize(1);
    }

    @Test
    void rejectsInvalidFieldsAllAtOnceAndStoresNothing() {
        String email = uniqueEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "formId", "bad form id", "country", "XX", "pageUrl", "ftp://example.com",
                        "consentMarketing", "maybe", "firstName", "x".repeat(101), "utmSource", Map.of("a", 1)))
                .when().post("/api/v1/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:leadflow:problem:validation"))
                .body("instance", equalTo("/api/v1/leads"))
                .body("errors.field", hasItems("formId", "country", "pageUrl", "consentMarketing", "firstName",
                        "utmSource"))
                .body("errors.rule", hasItems("pattern", "country", "url", "boolean", "maxLength", "type"))
                .body("errors.size()", equalTo(6))
                .body("$", not(hasKey("stackTrace")));

        assertThat(identities(email)).isZero();
        assertThat(outboxRowsMentioning(email)).isZero();
        assertThat(KafkaTopics.read(bootstrapServers, LeadCaptured.TOPIC, r -> r.value().contains(email)))
                .isEmpty();
    }

    @Test
    void namesMissingRequiredFields() {
        given().contentType(ContentType.URLENC).formParam("firstName", "Ada")
                .when().post("/api/v1/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("email", "formId"))
                .body("errors.rule", hasItems("required"));
    }

    @Test
    void answersMalformedJsonWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"ada@example.com\",")
                .when().post("/api/v1/leads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:malformed-body"))
                .body("detail", not(containsString("ada@example.com")));
    }

    @Test
    void answersAnUnsupportedContentTypeWith415() {
        given().contentType(ContentType.TEXT).body("email=ada@example.com")
                .when().post("/api/v1/leads")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void answersAnOversizedBodyWith413() throws Exception {
        String oversized = "{\"email\": \"ada@example.com\", \"company\": \"" + "x".repeat(300 * 1024) + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(leadsUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(oversized)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(objectMapper.readTree(response.body()).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void acceptsALeadStreamedWithoutContentLength() throws Exception {
        byte[] lead = objectMapper.writeValueAsBytes(Map.of("email", uniqueEmail(), "formId", "demo-request"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(leadsUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(lead)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(objectMapper.readTree(response.body()).get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void answersAnOversizedStreamedBodyWith413() throws Exception {
        byte[] oversized = ("{\"email\": \"ada@example.com\", \"company\": \"" + "x".repeat(300 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(leadsUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private String postJson(Map<String, Object> lead) {
        return given().contentType(ContentType.JSON).body(lead)
                .when().post("/api/v1/leads")
                .then().statusCode(202).extract().path("leadId");
    }

    private ConsumerRecord<String, String> awaitSingleEvent(String leadId) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(1))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, LeadCaptured.TOPIC, leadId), r -> r.size() == 1);
        return records.get(0);
    }

    private List<LeadCaptured> events(String leadId) {
        return KafkaTopics.readByKey(bootstrapServers, LeadCaptured.TOPIC, leadId).stream()
                .map(r -> read(r.value())).toList();
    }

    private LeadCaptured read(String json) {
        try {
            return objectMapper.readValue(json, LeadCaptured.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long identities(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM lead_identity WHERE email = ?1")
                .setParameter(1, email).getSingleResult()).longValue());
    }

    private List<Object> storedProfile(String email) {
        return QuarkusTransaction.requiringNew().call(() -> List.of((Object[]) entityManager
                .createNativeQuery("SELECT last_name, company, job_title, industry FROM lead_identity WHERE email = ?1")
                .setParameter(1, email).getSingleResult()));
    }

    private long outboxRowsMentioning(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE strpos(payload, ?1) > 0")
                .setParameter(1, email).getSingleResult()).longValue());
    }

    private static String uniqueEmail() {
        return "lead-" + UUID.randomUUID() + "@example.com";
    }
}
