package dev.leadflow.scoring.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.scoring.modelfile.ScoringModelReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** The scoring model API as tests use it: the demo model with extra rules, re-score jobs awaited, metrics read. */
public final class ModelApi {

    public static final String DEMO_MODEL = ScoringModelReader.text("classpath:scoring/demo-model.yaml");
    public static final String YAML = "application/yaml; charset=UTF-8";

    private ModelApi() {
    }

    /** YAML as bytes: REST Assured encodes only the content types it knows from a String. */
    public static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The demo model as JSON with one more rule in {@code section} ({@code fit} or {@code engagement}). */
    public static String demoModelWith(String section, Consumer<ObjectNode> rule) {
        try {
            ObjectNode model = (ObjectNode) new YAMLMapper().readTree(DEMO_MODEL);
            rule.accept(((ArrayNode) model.get(section)).addObject());
            return new ObjectMapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the re-score job finished. */
    public static void awaitFinished(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "finished".equals(given().auth()
                .oauth2(TestTokens.viewer()).get("/api/v1/scoring/rescores/{id}", jobId).path("status")));
    }

    /** {@code leadflow_scoring_rescored_total} of the trigger and outcome, as Prometheus shows it now. */
    public static double rescored(String trigger, String outcome) {
        String series = "leadflow_scoring_rescored_total{outcome=\"" + outcome + "\",trigger=\"" + trigger + "\"}";
        return given().get("/q/metrics").asString().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
