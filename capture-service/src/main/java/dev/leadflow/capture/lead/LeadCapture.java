package dev.leadflow.capture.lead;

import dev.leadflow.capture.lead.LeadIdentityRepository.LeadIdentity;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Accepts a validated submission: resolves the lead's identity, merges the submission into what is known of the
 * lead (progressive profiling) and stores {@code lead.captured}, carrying the merged profile, in the outbox, all in
 * one transaction. When {@link #capture} returns, that transaction has committed, so the lead is durable and the
 * event certain to be published.
 */
@ApplicationScoped
public class LeadCapture {

    private final LeadIdentityRepository identities;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter newLeads;
    private final Counter returningLeads;

    LeadCapture(LeadIdentityRepository identities, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.identities = identities;
        this.outbox = outbox;
        this.clock = clock;
        this.newLeads = capturedCounter(registry, false);
        this.returningLeads = capturedCounter(registry, true);
    }

    public LeadIdentity capture(LeadSubmission submission) {
        LeadIdentity identity = QuarkusTransaction.requiringNew().call(() -> store(submission));
        (identity.returning() ? returningLeads : newLeads).increment();
        return identity;
    }

    private LeadIdentity store(LeadSubmission submission) {
        // PostgreSQL keeps microseconds: the consent time a later event reads back must equal the one published now.
        Instant capturedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LeadIdentity identity = identities.identify(submission.email(), UUID.randomUUID());
        KnownLead lead = identity.known().updatedBy(new KnownLead(submission.profile(), MarketingConsent.stated(
                submission.consentMarketing(), submission.consentTextVersion(), capturedAt)));
        identities.remember(lead);
        MarketingConsent consent = lead.consent();
        LeadCaptured event = new LeadCaptured(UUID.randomUUID(), identity.leadId(), submission.formId(),
                capturedAt, identity.returning(), lead.profile(), consent == null ? null : consent.granted(),
                submission.freeMailDomain(), submission.utm(), submission.pageUrl(), submission.referrer(),
                submission.anonymousId(), consent == null ? null : consent.textVersion(),
                consent == null ? null : consent.consentedAt(), submission.disposableEmailDomain());
        outbox.add(LeadCaptured.TOPIC, LeadCaptured.TYPE, identity.leadId().toString(), event);
        return identity;
    }

    private static Counter capturedCounter(MeterRegistry registry, boolean returning) {
        return Counter.builder("leadflow.leads.captured")
                .description("Form submissions accepted (committed with their lead.captured event)")
                .tag("returning", Boolean.toString(returning))
                .register(registry);
    }
}
