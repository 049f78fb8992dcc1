package dev.leadflow.routing.sla;

import dev.leadflow.routing.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The movable test clock and an SLA check every second (the scheduler's shortest interval), so breaches happen in
 * seconds.
 */
public class SlaTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadflow.routing.sla.check-interval", "1s");
    }
}
