package dev.leadflow.routing.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. It runs on one thread of its own, woken right after a transaction that recorded deliveries
 * commits (so a healthy CRM gets a routed lead within milliseconds), when a retry it scheduled falls due, and every
 * {@code poll-interval} for everything else that is due (e.g. deliveries another instance left behind). Each pass
 * claims a batch ({@code FOR UPDATE SKIP LOCKED}), sends it in parallel and records every attempt and the delivery's
 * next state ({@link DeliveryPolicy}). Everything due is in
 * the table, so a restart loses nothing: a delivery claimed by a dispatcher that died is due again once its lease
 * (twice the connect and read timeouts, plus 10 s) has passed. Receivers may see an event twice and deduplicate on
 * {@code webhook-id}.
 */
@Startup
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Duration lease;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Map<String, Counter> outcomes;
    private volatile boolean stopping;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, WebhookConfig config, Clock clock,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.policy = new DeliveryPolicy(config.maxAttempts(),
                new BackoffSchedule(config.backoff(), config.backoffJitter(), config.maxRetryAfter()));
        this.lease = config.connectTimeout().plus(config.readTimeout()).multipliedBy(2).plusSeconds(10);
        // Every series exists from start-up at 0, so rates and alerts work before the first delivery.
        this.outcomes = List.of(WebhookDeliveries.DELIVERED, WebhookDeliveries.RETRIED, WebhookDeliveries.FAILED,
                        WebhookDeliveries.DEAD)
                .stream().collect(Collectors.toMap(Function.identity(), outcome -> Counter
                        .builder("leadflow_webhook_deliveries_total")
                        .description("Webhook delivery attempts by outcome: delivered, retried, failed (not "
                                + "retryable), dead (retries exhausted)")
                        .tag("outcome", outcome)
                        .register(registry)));
        Gauge.builder("leadflow_webhook_deliveries_pending", pending, AtomicLong::get)
                .description("Webhook deliveries not finished yet (due now or waiting for a retry)")
                .register(registry);
    }

    @Scheduled(every = "${leadflow.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (stopping) {
            return;
        }
        pending.set(deliveries.pending());
        wake();
    }

    /** Delivered deliveries are kept for the delivery log for {@code delivered-retention}, then deleted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (stopping) {
            return;
        }
        int purged = deliveries.purgeDelivered(clock.instant().minus(config.deliveredRetention()));
        if (purged > 0) {
            LOG.infof("Purged %d delivered webhook deliveries older than %s", purged, config.deliveredRetention());
        }
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookDeliveries.DeliveriesRecorded recorded) {
        wake();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        executor.shutdown();
    }

    /** Asks for a pass soon; passes never overlap on this instance. */
    void wake() {
        if (!stopping && !requested.getAndSet(true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                requested.set(false);
            }
        }
    }

    /** A retry due before the next poll gets a wake-up of its own, so short backoff steps are kept. */
    private void wakeAt(DeliveryPolicy.RetryAt retry) {
        Duration delay = Duration.between(clock.instant(), retry.at());
        if (delay.compareTo(config.pollInterval()) < 0 && !stopping) {
            try {
                // A little late rather than early: the claim compares the due time with the wall clock.
                executor.schedule(this::wake, Math.max(0, delay.toMillis()) + 10, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // The next instance's poll finds it in the table.
            }
        }
    }

    private void drain() {
        while (!stopping && requested.getAndSet(false)) {
            try {
                if (pass() == config.batchSize()) {
                    requested.set(true); // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                // The next poll tries again; what is due stays in the table.
                LOG.warnf("Webhook dispatch pass failed: %s", e.toString());
            }
        }
    }

    private int pass() {
        List<WebhookDeliveries.Claimed> claimed = deliveries.claim(config.batchSize(), clock.instant().plus(lease));
        List<CompletableFuture<WebhookSender.Result>> sent = claimed.stream().map(sender::send).toList();
        for (int i = 0; i < claimed.size(); i++) {
            try {
                record(claimed.get(i), sent.get(i).join());
            } catch (RuntimeException e) {
                // Not recorded: the delivery is claimed again when its lease runs out (the receiver deduplicates).
                LOG.warnf("Could not record webhook delivery %s: %s", claimed.get(i).deliveryId(), e.toString());
            }
        }
        return claimed.size();
    }

    private void record(WebhookDeliveries.Claimed delivery, WebhookSender.Result result) {
        int attempts = delivery.attemptsBefore() + 1;
        DeliveryPolicy.Next next = policy.next(attempts, result.attempt(), clock.instant(),
                ThreadLocalRandom.current().nextDouble());
        deliveries.recordAttempt(delivery, result.attemptedAt(), result.httpStatus(), result.latencyMs(),
                result.error(), next);
        if (next instanceof DeliveryPolicy.RetryAt retry) {
            wakeAt(retry);
        }
        String outcome = WebhookDeliveries.outcome(next);
        outcomes.get(outcome).increment();
        // Ids only: the body and the URL (whose query string may hold a token) stay out of the log.
        if (next instanceof DeliveryPolicy.Dead || next instanceof DeliveryPolicy.Failed) {
            LOG.warnf("Webhook delivery %s of %s %s to endpoint %s %s after %d attempt(s): %s", delivery.deliveryId(),
                    delivery.eventType(), delivery.eventId(), delivery.endpointId(),
                    next instanceof DeliveryPolicy.Dead ? "dead-lettered" : "failed", attempts, next.reason());
        } else {
            LOG.debugf("Webhook delivery %s attempt %d: %s", delivery.deliveryId(), attempts, outcome);
        }
    }
}
