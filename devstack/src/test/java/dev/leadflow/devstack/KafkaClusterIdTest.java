package dev.leadflow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

    @Test
    void neverStartsWithADashTheStorageToolWouldTakeForAnOption() {
        // About 1 id in 64 would start with '-': 10,000 draws would meet ~150 of them.
        for (int i = 0; i < 10_000; i++) {
            assertFalse(KafkaBroker.newClusterId().startsWith("-"));
        }
    }

    @Test
    void isABase64UrlEncodedSixteenByteUuid() {
        String id = KafkaBroker.newClusterId();

        assertEquals(22, id.length());
        assertEquals(16, Base64.getUrlDecoder().decode(id).length);
    }
}
