package dev.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fields routing added to lead.qualified and lead.routed travel, and events written before them still read. */
class RoutingFieldsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final LeadProfile PROFILE = new LeadProfile("ada@example.com", "Ada", "Lovelace",
            "Analytical Engines", "VP Engineering", null, "GB", "1000+", "software");

    @Test
    void qualifiedCarriesTheLeadsOriginAndGrade() throws Exception {
        LeadQualified qualified = new LeadQualified(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "m1", 120,
                100, PROFILE, List.of(), T0, T0, true, "demo-request", new Utm("google", "cpc", "brand", null, null),
                "A");

        LeadQualified read = MAPPER.readValue(MAPPER.writeValueAsString(qualified), LeadQualified.class);

        assertThat(read).isEqualTo(qualified);
        assertThat(read.freeMailDomain()).isTrue();
        assertThat(read.utm().source()).isEqualTo("google");
    }

    @Test
    void qualifiedWrittenBeforeTheOriginFieldsReadsWithThemAbsent() throws Exception {
        String old = MAPPER.writeValueAsString(new LeadQualified(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "m1", 120, 100, PROFILE, List.of(), T0, T0))
                .replaceAll(",\"(freeMailDomain|formId|utm|grade)\":null", "");

        LeadQualified read = MAPPER.readValue(old, LeadQualified.class);

        assertThat(old).doesNotContain("formId");
        assertThat(read.freeMailDomain()).isNull();
        assertThat(read.formId()).isNull();
        assertThat(read.utm()).isNull();
        assertThat(read.grade()).isNull();
    }

    @Test
    void routedCarriesTheOwnersBookingLink() throws Exception {
        LeadRouted routed = new LeadRouted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "alice",
                "Alice Martin", OwnerType.REP, "everyone", "rule everyone: ...", T0, T0, T0, T0.plusSeconds(300),
                PROFILE, 120, List.of(), "https://meet.leadflow.example/alice");

        LeadRouted read = MAPPER.readValue(MAPPER.writeValueAsString(routed), LeadRouted.class);

        assertThat(read.ownerBookingLink()).isEqualTo("https://meet.leadflow.example/alice");
        assertThat(read).isEqualTo(routed);
    }
}
