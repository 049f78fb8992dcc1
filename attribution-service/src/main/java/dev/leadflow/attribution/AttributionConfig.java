package dev.leadflow.attribution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Configuration of attribution-service, checked at start-up (the service refuses to start with invalid values). */
@ConfigMapping(prefix = "leadflow.attribution")
public interface AttributionConfig {

    /**
     * Most touchpoints a journey response lists. Longer journeys (e.g. a bot's thousands of page views) list their
     * most recent touchpoints only, say so with {@code truncated}, and still report the true first touch.
     */
    @WithDefault("1000")
    @Min(1)
    @Max(100_000)
    int maxJourneyTouchpoints();
}
