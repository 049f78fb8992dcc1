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
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

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

    /** Striped locks, one stripe per hash bucket of the normalised email. */
    private static final ReentrantLock[] SAME_EMAIL = IntStream.range(0, 256)
            .mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);

    LeadCapture(LeadIdentityRepository identities, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.identities = identities;
        this.outbox = outbox;
        this.clock = clock;
        this.newLeads = capturedCounter(registry, false);
        this.returningLeads = capturedCounter(registry, true);
    }

    /**
     * Stores the submission and hands its event to the outbox. Submissions of one email are serialised in this
     * process from before the transaction until its event is handed on after the commit, so a lead's events leave
     * in the order of their commits (the row lock alone ends at the commit, before the hand-off).
     */
    public LeadIdentity capture(LeadSubmission submission) {
        ReentrantLock lock = SAME_EMAIL[Math.floorMod(submission.email().hashCode(), SAME_EMAIL.length)];
        LeadIdentity identity;
        lock.lock();
        try {
            identity = QuarkusTransaction.requiringNew().call(() -> store(submission));
        } finally {
            lock.unlock();
        }
        (identity.returning() ? returningLeads : newLeads).increment();
        return identity;
    }

    private LeadIdentity store(LeadSubmission submission) {
        LeadIdentity identity = identities.identify(submission.email(), UUID.randomUUID());
        // Taken under the lead's row lock, so a lead's capture times follow its commits. PostgreSQL keeps
        // microseconds: the consent time a later event reads back must equal the one published now.
        Instant capturedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
