package dev.leadflow.scoring.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leadflow.events.ScoreDecay;
import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredReasonsTest {

    @Test
    void readsBackWhatItWrote() {
        UUID touchpointId = UUID.fromString("8d1f6f8e-55a3-4c47-9a7e-3f1f3e0f2b11");
        List<ScoreReason> reasons = List.of(
                new ScoreReason("senior-title", "fit", 35, "Senior decision maker", "jobTitle=VP Sales",
                        List.of(new ScoreEvidence("jobTitle", "VP Sales", null, null, null, null, null, null, 1))),
                new ScoreReason("pricing-page", "engagement", 12, "Visited pricing", "page_view x2",
                        List.of(new ScoreEvidence(null, null, touchpointId, "page_view", "https://x.example/pricing",
                                Instant.parse("2026-01-02T03:04:05.123456Z"), 12, null, 2))));

        assertEquals(reasons, StoredReasons.read(StoredReasons.write(reasons)));
    }

    @Test
    void readsRowsWrittenBeforeReasonsWereKeptAsText() {
        // As Hibernate's JSON mapping stored them: jsonb key order, instants as epoch seconds.
        String stored = """
                [{"points": 12, "ruleId": "pricing-page", "details": [{"url": "https://x.example/pricing", "count": 2,
                  "decay": null, "field": null, "value": null, "points": 12, "occurredAt": 1767323045.123456000,
                  "touchpointId": "8d1f6f8e-55a3-4c47-9a7e-3f1f3e0f2b11", "touchpointType": "page_view"}],
                  "evidence": "page_view x2", "dimension": "engagement", "description": "Visited pricing"}]""";

        List<ScoreReason> reasons = StoredReasons.read(stored);

        assertEquals(1, reasons.size());
        assertEquals(12, reasons.get(0).points());
        assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), reasons.get(0).details().get(0).occurredAt());
        assertEquals(UUID.fromString("8d1f6f8e-55a3-4c47-9a7e-3f1f3e0f2b11"),
                reasons.get(0).details().get(0).touchpointId());
    }

    @Test
    void keepsAbsentReasonsAbsent() {
        assertNull(StoredReasons.write(null));
        assertNull(StoredReasons.read(null));
    }
}
