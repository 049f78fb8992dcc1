package dev.leadflow.routing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EndpointRequests REQUESTS = new EndpointRequests(new EndpointUrls(List.of("localhost")));
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void readsAFullEndpoint() throws Exception {
        assertThat(REQUESTS.parse(json("""
                {"url": " https://crm.example.com/h ", "eventTypes": ["lead.routed", "lead.sla-breached"],
                 "active": false, "secret": "%s", "description": "Acme CRM"}""".formatted(SECRET)), false))
                .isEqualTo(new EndpointRequests.Valid(new EndpointRequests.Endpoint("https://crm.example.com/h",
                        List.of("lead.routed", "lead.sla-breached"), false, SECRET, "Acme CRM", false)));
    }

    @Test
    void defaultsToActiveWithAGeneratedSecretAndNoDescription() throws Exception {
        assertThat(REQUESTS.parse(json("{\"url\": \"https://crm.example.com/h\", \"eventTypes\": [\"lead.routed\"]}"),
                false)).isEqualTo(new EndpointRequests.Valid(new EndpointRequests.Endpoint("https://crm.example.com/h",
                        List.of("lead.routed"), true, null, null, false)));
    }

    @Test
    void listsAnEventTypeOnce() throws Exception {
        assertThat(endpoint("{\"url\": \"https://c.example.com\", \"eventTypes\": [\"lead.routed\", \"lead.routed\"]}")
                .eventTypes()).containsExactly("lead.routed");
    }

    @Test
    void rotatesTheSecretOnReplaceOnly() throws Exception {
        String body = "{\"url\": \"https://c.example.com\", \"eventTypes\": [\"lead.routed\"], \"rotateSecret\": true}";
        assertThat(((EndpointRequests.Valid) REQUESTS.parse(json(body), true)).endpoint().rotateSecret()).isTrue();
        assertThat(errors(body, false)).containsExactly(
                new EndpointRequests.Error("rotateSecret", "replace-only",
                        "applies to PUT only; a new endpoint always gets a fresh secret"));
    }

    @Test
    void refusesASecretAndRotationTogether() throws Exception {
        assertThat(errors("""
                {"url": "https://c.example.com", "eventTypes": ["lead.routed"], "secret": "%s", "rotateSecret": true}"""
                .formatted(SECRET), true)).extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(tuple("rotateSecret", "exclusive"));
    }

    @Test
    void namesEveryBrokenRuleWithItsField() throws Exception {
        assertThat(errors("""
                {"url": "http://crm.example.com", "eventTypes": ["lead.routed", "lead.scored", 7], "active": "yes",
                 "secret": "hunter2", "description": "%s", "rotateSecret": "please"}"""
                .formatted("d".repeat(201)), true))
                .extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(
                        tuple("url", "https"),
                        tuple("eventTypes[1]", "one-of"),
                        tuple("eventTypes[2]", "one-of"),
                        tuple("active", "type"),
                        tuple("secret", "secret-format"),
                        tuple("description", "max-length"),
                        tuple("rotateSecret", "type"));
    }

    @Test
    void requiresUrlAndEventTypes() throws Exception {
        assertThat(errors("{}", false)).extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(tuple("url", "required"),
                        tuple("eventTypes", "required"));
        assertThat(errors("{\"url\": \"  \", \"eventTypes\": []}", false))
                .extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(tuple("url", "required"),
                        tuple("eventTypes", "not-empty"));
    }

    @Test
    void refusesFieldsOfTheWrongType() throws Exception {
        assertThat(errors("{\"url\": 42, \"eventTypes\": \"lead.routed\", \"description\": 5}", false))
                .extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(tuple("url", "type"),
                        tuple("eventTypes", "type"),
                        tuple("description", "type"));
    }

    @Test
    void passesOnTheUrlRuleThatFailed() throws Exception {
        assertThat(errors("{\"url\": \"https://169.254.169.254/latest\", \"eventTypes\": [\"lead.routed\"]}", false))
                .extracting(EndpointRequests.Error::field, EndpointRequests.Error::rule)
                .containsExactly(tuple("url", "public-address"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() throws Exception {
        assertThat(errors("[1, 2]", false)).containsExactly(new EndpointRequests.Error("", "type",
                "must be a JSON object"));
        assertThat(REQUESTS.parse(null, false)).isInstanceOf(EndpointRequests.Invalid.class);
    }

    private static EndpointRequests.Endpoint endpoint(String body) throws Exception {
        return ((EndpointRequests.Valid) REQUESTS.parse(json(body), false)).endpoint();
    }

    private static List<EndpointRequests.Error> errors(String body, boolean replace) throws Exception {
        return ((EndpointRequests.Invalid) REQUESTS.parse(json(body), replace)).errors();
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
