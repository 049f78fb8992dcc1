package dev.leadflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void handsOutDistinctFreePortsBelowTheEphemeralRange() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(20000, FreePorts.ephemeralStart() - 1);
            assertThat(FreePorts.isFree(port)).isTrue();
            ports.add(port);
        }
        assertThat(ports).hasSize(50);
    }

    @Test
    void keepsAConfiguredPort() {
        assertThat(FreePorts.orNext(9092)).isEqualTo(9092);
    }
}
