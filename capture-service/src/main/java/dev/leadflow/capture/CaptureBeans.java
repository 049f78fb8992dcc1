package dev.leadflow.capture;

import dev.leadflow.capture.form.FormDefinitionParser;
import dev.leadflow.capture.lead.DisposableDomains;
import dev.leadflow.capture.lead.FreeMailDomains;
import dev.leadflow.capture.lead.LeadSubmissionParser;
import dev.leadflow.capture.touchpoint.TouchpointParser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the framework-free parsers with their configuration. */
public class CaptureBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    LeadSubmissionParser leadSubmissionParser() {
        return new LeadSubmissionParser(FreeMailDomains.shipped(), DisposableDomains.shipped());
    }

    /** Hidden defaults of a form must pass intake's rules for their fields, checked as part of a submission. */
    @Produces
    @Singleton
    FormDefinitionParser formDefinitionParser(LeadSubmissionParser leads) {
        return new FormDefinitionParser(leads::fieldErrors);
    }

    @Produces
    @Singleton
    TouchpointParser touchpointParser(CaptureConfig config, Clock clock) {
        return new TouchpointParser(clock, config.touchpoints().maxClockSkew());
    }
}
