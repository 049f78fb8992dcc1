package dev.leadflow.reporting.speedtolead.metrics;

import static dev.leadflow.reporting.KafkaTestSupport.send;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.slaBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.reporting.PrometheusScrape;
import dev.leadflow.reporting.TimelineClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class SpeedToLeadMetricsTest {

    private static final String HISTOGRAM = "leadflow_speed_to_lead_seconds";
    private static final String CAPTURE_TO_ROUTED = "stage=\"capture_to_routed\"";
    private static final String ROUTED_TO_CONTACT = "stage=\"routed_to_contact\"";

    private final UUID leadId = UUID.randomUUID();
    private final Instant capturedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void exportsSpeedToLeadAsAHistogramWithBucketsFromTenMillisecondsToAnHour() {
        PrometheusScrape scrape = PrometheusScrape.now();

        assertThat(scrape.type(HISTOGRAM)).isEqualTo("histogram");
        for (String stage : new String[] {CAPTURE_TO_ROUTED, ROUTED_TO_CONTACT}) {
            assertThat(scrape.bucketBounds(HISTOGRAM, stage)).containsExactly("0.01", "0.025", "0.05", "0.1", "0.25",
                    "0.5", "1.0", "2.0", "5.0", "10.0", "30.0", "60.0", "120.0", "300.0", "600.0", "1800.0", "3600.0",
                    "+Inf");
        }
        assertThat(scrape.type("leadflow_sla_breaches_total")).isEqualTo("counter");
    }

    @Test
    void observesCaptureToRoutedFromTheRoutingEvent() {
        PrometheusScrape before = PrometheusScrape.now();

        send(routed(leadId, capturedAt, capturedAt, capturedAt.plusMillis(1_500)));

        PrometheusScrape after = awaitIncrease(before, HISTOGRAM + "_count", CAPTURE_TO_ROUTED);
        assertThat(after.value(HISTOGRAM + "_bucket", CAPTURE_TO_ROUTED, "le=\"2.0\"")
                - before.value(HISTOGRAM + "_bucket", CAPTURE_TO_ROUTED, "le=\"2.0\"")).isEqualTo(1);
        assertThat(after.value(HISTOGRAM + "_bucket", CAPTURE_TO_ROUTED, "le=\"1.0\"")
                - before.value(HISTOGRAM + "_bucket", CAPTURE_TO_ROUTED, "le=\"1.0\"")).isZero();
        assertThat(after.value(HISTOGRAM + "_sum", CAPTURE_TO_ROUTED)
                - before.value(HISTOGRAM + "_sum", CAPTURE_TO_ROUTED)).isCloseTo(1.5, offset(1e-6));
    }

    @Test
    void observesRoutedToContactWhenARoutedLeadIsContacted() {
        Instant routedAt = capturedAt.plusSeconds(1);
        send(routed(leadId, capturedAt, capturedAt, routedAt));
        TimelineClient.awaitEventCount(leadId, 1);
        PrometheusScrape before = PrometheusScrape.now();

        send(contacted(leadId, routedAt.plus(Duration.ofMinutes(4))));

        PrometheusScrape after = awaitIncrease(before, HISTOGRAM + "_count", ROUTED_TO_CONTACT);
        assertThat(after.value(HISTOGRAM + "_sum", ROUTED_TO_CONTACT)
                - before.value(HISTOGRAM + "_sum", ROUTED_TO_CONTACT)).isCloseTo(240.0, offset(1e-6));
        assertThat(after.value(HISTOGRAM + "_bucket", ROUTED_TO_CONTACT, "le=\"300.0\"")
                - before.value(HISTOGRAM + "_bucket", ROUTED_TO_CONTACT, "le=\"300.0\"")).isEqualTo(1);
    }

    @Test
    void countsSlaBreaches() {
        PrometheusScrape before = PrometheusScrape.now();
        Instant routedAt = capturedAt.plusSeconds(1);

        send(slaBreached(leadId, routedAt, routedAt.plus(Duration.ofMinutes(5))));

        PrometheusScrape after = awaitIncrease(before, "leadflow_sla_breaches_total");
        assertThat(after.value("leadflow_sla_breaches_total") - before.value("leadflow_sla_breaches_total"))
                .isEqualTo(1);
    }

    private static PrometheusScrape awaitIncrease(PrometheusScrape before, String sample, String... labels) {
        double baseline = before.value(sample, labels);
        return await().atMost(Duration.ofSeconds(30))
                .until(PrometheusScrape::now, scrape -> scrape.value(sample, labels) > baseline);
    }
}
