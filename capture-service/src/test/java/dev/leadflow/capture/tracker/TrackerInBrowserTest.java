package dev.leadflow.capture.tracker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker in a real headless Chromium, embedded with one script tag in a marketing site of another origin (a
 * JDK HTTP server on 127.0.0.1, while capture answers on localhost), against capture on the real stack.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class TrackerInBrowserTest {

    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @TestHTTPResource("/")
    URI capture;

    private HttpServer site;
    private String siteUrl;
    private Path chromium;
    // Forms of their own: the demo forms' minimum fill times are for humans, not for a test that submits at once.
    private final String formId = "browser-" + UUID.randomUUID();
    private final String slowFormId = "browser-slow-" + UUID.randomUUID();

    @BeforeEach
    void startSite() throws IOException {
        Optional<Path> binary = HeadlessChromium.binary();
        assumeTrue(binary.isPresent(), "No Chromium found (LEADFLOW_CHROMIUM, or chromium, chromium-browser or "
                + "google-chrome on the PATH; apt-get install chromium): the real-browser tracker test is skipped");
        chromium = binary.get();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        siteUrl = "http://127.0.0.1:" + site.getAddress().getPort();
        String tracker = "<script src=\"" + capture.resolve("/leadflow.js") + "\" defer></script>";
        serve("/landing", "<h1>Spring offer</h1>" + tracker + "<a id=\"next\" href=\"/form\">Get the e-book</a>");
        registerForm(formId, Duration.ZERO);
        registerForm(slowFormId, Duration.ofMinutes(10));
        serve("/form", form(tracker, formId));
        serve("/slow-form", form(tracker, slowFormId));
        serve("/preset", tracker + """
                <form id="mine" data-leadflow-form method="post" action="/crm">
                  <input name="anonymousId" type="hidden" value="crm-42">
                  <input name="utm_source" type="hidden" value="Partner">
                  <input name="pageUrl" type="hidden">
                </form>
                <form id="search" action="/search"><input name="q"></form>""");
        // Forms a single-page app renders after the page loaded, unseen by the tracker until used.
        serve("/later", tracker + """
                <script>
                  addEventListener('load', () => setTimeout(() => {
                    for (const id of ['entered', 'untouched']) {
                      const form = document.createElement('form');
                      form.id = id; form.setAttribute('data-leadflow-form', ''); form.action = '/crm';
                      form.innerHTML = '<input name="company">';
                      form.addEventListener('submit', e => e.preventDefault());
                      document.body.appendChild(form);
                    }
                  }, 50));
                </script>""");
        serve("/thanks", "<h1>Thanks!</h1>");
        site.start();
    }

    private String form(String tracker, String formId) {
        return tracker + """
                <form method="post" action="%s">
                  <input name="formId" type="hidden" value="%s">
                  <input name="utm_source" type="hidden">
                  <input name="email" type="email" required> <input name="firstName">
                  <input name="redirectUrl" type="hidden" value="%s/thanks">
                  <button>Download</button>
                </form>""".formatted(capture.resolve("/api/v1/leads"), formId, siteUrl);
    }

    /** A form the site's pages may post (their origin) that redirects to the site's thank-you page. */
    private void registerForm(String id, Duration minFillTime) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Browser test", "allowedOrigins", List.of(siteUrl),
                        "allowedRedirects", List.of(siteUrl + "/thanks"), "minFillTime", minFillTime.toString()))
                .put("/api/v1/forms/{formId}", id)
                .then().statusCode(201);
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void followsAVisitorFromTheLandingPageToTheLeadAndKeepsTheCampaign() throws Exception {
        String landing = siteUrl + "/landing?utm_source=Newsletter&utm_campaign=Spring";
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        String anonymousId;
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium)) {
            browser.navigate(landing);
            browser.awaitTrue("document.readyState === 'complete' && document.cookie.includes('leadflow_aid=')");
            anonymousId = cookie(browser);

            browser.evaluate("document.getElementById('next').click()");
            browser.awaitTrue("location.pathname === '/form' && document.readyState === 'complete'"
                    + " && !!document.forms[0].elements.anonymousId");
            assertThat(cookie(browser)).as("the visitor keeps its id across pages").isEqualTo(anonymousId);
            browser.evaluate("""
                    (() => { const form = document.forms[0];
                      form.elements.email.value = '%s'; form.elements.firstName.value = 'Ada';
                      form.querySelector('button').click(); })()""".formatted(email));
            browser.awaitTrue("location.href === '" + siteUrl + "/thanks'");
        }

        LeadCaptured lead = objectMapper.readValue(await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.read(bootstrapServers, LeadCaptured.TOPIC,
                        r -> r.value().contains(email)), r -> r.size() == 1)
                .get(0).value(), LeadCaptured.class);
        assertThat(lead.anonymousId()).isEqualTo(anonymousId);
        assertThat(lead.formId()).isEqualTo(formId);
        assertThat(lead.utm().source()).isEqualTo("newsletter");
        assertThat(lead.utm().campaign()).isEqualTo("spring");
        assertThat(lead.utm().medium()).isNull();
        assertThat(lead.pageUrl()).isEqualTo(siteUrl + "/form");
        assertThat(lead.referrer()).isEqualTo(landing);

        List<TouchpointRecorded> pageViews = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, anonymousId),
                        r -> r.size() == 2)
                .stream().map(r -> read(r.value())).toList();
        assertThat(pageViews).extracting(TouchpointRecorded::url)
                .containsExactlyInAnyOrder(landing, siteUrl + "/form");
        assertThat(pageViews).allSatisfy(view -> {
            assertThat(view.type()).isEqualTo("page_view");
            assertThat(view.anonymousId()).isEqualTo(anonymousId);
            assertThat(view.utm().source()).isEqualTo("newsletter");
            assertThat(view.utm().campaign()).isEqualTo("spring");
        });
    }

    @Test
    void fillsOnlyLeadflowFormsAndNeverOverwritesWhatThePageSet() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium)) {
            browser.navigate(siteUrl + "/preset?utm_source=Ads&utm_medium=CPC");
            browser.awaitTrue("document.readyState === 'complete' && document.forms.mine.elements.pageUrl.value !== ''");

            Map<String, Object> mine = objectMapper.convertValue(browser.evaluate(
                    "Object.fromEntries(new FormData(document.forms.mine))"), new TypeReference<>() { });
            assertThat(mine).containsEntry("anonymousId", "crm-42")
                    .containsEntry("utm_source", "Partner")
                    .containsEntry("utm_medium", "CPC")
                    .containsEntry("pageUrl", siteUrl + "/preset?utm_source=Ads&utm_medium=CPC")
                    .doesNotContainKeys("utm_campaign", "referrer");
            assertThat(browser.evaluate("document.forms.search.elements.length").asInt())
                    .as("a form posting elsewhere is left alone").isEqualTo(1);

            // A submit event (cancelled here, so the page stays) makes the tracker time the form.
            browser.evaluate("document.forms.mine.addEventListener('submit', e => e.preventDefault()); "
                    + "document.forms.mine.requestSubmit(); 0");
            assertThat(browser.evaluate("document.forms.mine.elements.lfFillMs.value").asText())
                    .as("milliseconds from the form being shown to its submission").matches("[0-9]+");
            assertThat(browser.evaluate("document.forms.search.elements.length").asInt()).isEqualTo(1);
        }
    }

    @Test
    void timesAFormRenderedLaterFromItsFirstUseAndLeavesAnUnusedOneUntimed() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium)) {
            browser.navigate(siteUrl + "/later");
            browser.awaitTrue("!!document.forms.untouched");

            // As a visitor entering the field (a headless page has no window focus, so focus() fires no events).
            browser.evaluate("document.forms.entered.elements.company"
                    + ".dispatchEvent(new FocusEvent('focusin', {bubbles: true})); 0");
            browser.evaluate("document.forms.entered.requestSubmit(); document.forms.untouched.requestSubmit(); 0");

            assertThat(browser.evaluate("document.forms.entered.elements.lfFillMs.value").asText()).matches("[0-9]+");
            assertThat(browser.evaluate("!!document.forms.untouched.elements.lfFillMs").asBoolean())
                    .as("a form first seen at its submission gets no fill time, so capture does not judge it")
                    .isFalse();
            assertThat(browser.evaluate("document.forms.untouched.elements.anonymousId.value").asText())
                    .as("but it is filled").isNotEmpty();
        }
    }

    @Test
    void answersASubmissionFasterThanTheFormsMinimumLikeASuccessButCapturesNothing() throws Exception {
        String email = "too-fast-" + UUID.randomUUID() + "@example.com";
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium)) {
            browser.navigate(siteUrl + "/slow-form");
            browser.awaitTrue("document.readyState === 'complete' && !!document.forms[0].elements.anonymousId");
            browser.evaluate("""
                    (() => { const form = document.forms[0];
                      form.elements.email.value = '%s'; form.querySelector('button').click(); })()""".formatted(email));
            browser.awaitTrue("location.href === '" + siteUrl + "/thanks'");
        }

        // Captured or not, the answer came after the decision; a captured lead would be on its way by now.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> KafkaTopics.read(bootstrapServers, LeadCaptured.TOPIC, r -> r.value().contains(email)),
                        List::isEmpty);
    }

    private static String cookie(HeadlessChromium browser) {
        String id = browser.evaluate("document.cookie.match(/leadflow_aid=([^;]+)/)[1]").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        return id;
    }

    private void serve(String path, String body) {
        byte[] html = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Example site</title></head><body>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        site.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (var out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
    }

    private TouchpointRecorded read(String json) {
        try {
            return objectMapper.readValue(json, TouchpointRecorded.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
