package dev.leadflow.capture.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
        serve("/form", tracker + """
                <form method="post" action="%s">
                  <input name="formId" type="hidden" value="ebook">
                  <input name="utm_source" type="hidden">
                  <input name="email" type="email" required> <input name="firstName">
                  <input name="redirectUrl" type="hidden" value="%s/thanks">
                  <button>Download</button>
                </form>""".formatted(capture.resolve("/api/v1/leads"), siteUrl));
        serve("/preset", tracker + """
                <form id="mine" data-leadflow-form method="post" action="/crm">
                  <input name="anonymousId" type="hidden" value="crm-42">
                  <input name="utm_source" type="hidden" value="Partner">
                  <input name="pageUrl" type="hidden">
                </form>
                <form id="search" action="/search"><input name="q"></form>""");
        serve("/thanks", "<h1>Thanks!</h1>");
        site.start();
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
        assertThat(lead.formId()).isEqualTo("ebook");
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
        }
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
