package dev.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole lead lifecycle through real processes, a real broker and real databases. */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LeadflowSystem system;

    @BeforeAll
    static void startSystem() {
        system = LeadflowSystem.start("e2e");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void qualifyingLeadsAreRoutedExactlyOnceAndNonQualifyingLeadsOnlyScored() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String vpEmail = "ada." + run + "@analytical-engines.example";
        UUID jsonLead = postJson(Map.of("formId", "demo-request", "email", vpEmail, "firstName", "Ada",
                "lastName", "Lovelace", "company", "Analytical Engines", "jobTitle", "VP Engineering",
                "companySize", "1000+", "country", "GB", "pageUrl", "https://www.example.com/pricing"));
        UUID formLead = postForm(Map.of("formId", "demo-request", "email", "grace." + run + "@navy.example",
                "firstName", "Grace", "lastName", "Hopper", "company", "Navy Labs", "jobTitle", "Chief Technology Officer",
                "companySize", "5000", "country", "US", "pageUrl", "https://www.example.com/pricing"));
        UUID coldLead = postJson(Map.of("formId", "newsletter", "email", "sam." + run + "@gmail.com",
                "jobTitle", "Marketing Coordinator", "companySize", "1-10", "country", "BR"));
        UUID returning = postJson(Map.of("formId", "demo-request", "email", "  " + vpEmail.toUpperCase() + " ",
                "pageUrl", "https://www.example.com/pricing"));

        assertThat(returning).as("a returning email keeps its leadId").isEqualTo(jsonLead);
        for (UUID lead : List.of(jsonLead, formLead)) {
            JsonNode timeline = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> timeline(lead), t -> t != null && t.path("stages").hasNonNull("routedAt"));
            assertThat(timeline.path("stages").fieldNames()).toIterable()
                    .contains("capturedAt", "scoredAt", "qualifiedAt", "routedAt");
            assertThat(List.of("capturedAt", "scoredAt", "qualifiedAt", "routedAt"))
                    .allSatisfy(stage -> assertThat(timeline.path("stages").hasNonNull(stage)).as(stage).isTrue());
        }
        JsonNode cold = await().atMost(Duration.ofSeconds(60))
                .until(() -> timeline(coldLead), t -> t != null && t.path("stages").hasNonNull("scoredAt"));
        assertThat(cold.path("stages").path("qualifiedAt").isNull() || cold.path("stages").path("qualifiedAt").isMissingNode())
                .as("a cold lead is not qualified").isTrue();

        // Scoring has caught up with every lead submitted (the returning one included) before counting routes.
        await().atMost(Duration.ofSeconds(60)).until(() -> scoredEvents(jsonLead) >= 2);
        Map<String, List<LeadRouted>> routed = KafkaTopics.readAll(system.kafkaBootstrapServers(), Topics.LEADS_ROUTED).stream()
                .map(EndToEndIT::routed)
                .collect(Collectors.groupingBy(r -> r.leadId().toString()));
        assertThat(routed.get(jsonLead.toString())).as("routed once despite a returning submission").hasSize(1);
        assertThat(routed.get(formLead.toString())).hasSize(1);
        assertThat(routed).doesNotContainKey(coldLead.toString());

        LeadRouted ada = routed.get(jsonLead.toString()).get(0);
        assertThat(ada.ownerId()).isNotBlank();
        assertThat(ada.ruleId()).isNotBlank();
        assertThat(ada.reason()).isNotBlank();
        assertThat(ada.lead().email()).isEqualTo(vpEmail);
        assertThat(ada.score()).isGreaterThanOrEqualTo(100);
        assertThat(ada.slaDueAt()).isAfter(ada.routedAt());
        assertThat(ada.routedAt()).isAfterOrEqualTo(ada.capturedAt());
        assertThat(routed.get(formLead.toString()).get(0).ownerId()).as("round robin").isNotEqualTo(ada.ownerId());
    }

    private long scoredEvents(UUID leadId) {
        return KafkaTopics.readAll(system.kafkaBootstrapServers(), Topics.LEADS_SCORED).stream()
                .filter(r -> leadId.toString().equals(r.key()))
                .map(r -> read(r.value(), LeadScored.class))
                .count();
    }

    private static LeadRouted routed(ConsumerRecord<String, String> record) {
        return read(record.value(), LeadRouted.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID postJson(Map<String, String> lead) throws Exception {
        return accepted(HTTP.send(HttpRequest.newBuilder(system.url("capture").resolve("/api/v1/leads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(lead))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static UUID postForm(Map<String, String> lead) throws Exception {
        String body = lead.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return accepted(HTTP.send(HttpRequest.newBuilder(system.url("capture").resolve("/api/v1/leads"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static UUID accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).get("leadId").asText());
    }

    private static JsonNode timeline(UUID leadId) throws Exception {
        URI uri = system.url("reporting").resolve("/api/v1/leads/" + leadId + "/timeline");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + system.viewerToken()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
