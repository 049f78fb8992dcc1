package dev.leadflow.capture;

import dev.leadflow.capture.lead.DisposableDomains;
import dev.leadflow.capture.lead.FreeMailDomains;
import dev.leadflow.capture.lead.LeadSubmissionParser;
import dev.leadflow.capture.touchpoint.TouchpointParser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;

/** Wires the framework-free parsers with their configuration. */
public class CaptureBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    LeadSubmissionParser leadSubmissionParser(CaptureConfig config) {
        return new LeadSubmissionParser(FreeMailDomains.shipped(), DisposableDomains.shipped(),
                config.allowedRedirectHosts().orElse(Set.of()));
    }

    @Produces
    @Singleton
    TouchpointParser touchpointParser(CaptureConfig config, Clock clock) {
        return new TouchpointParser(clock, config.touchpoints().maxClockSkew());
    }
}
