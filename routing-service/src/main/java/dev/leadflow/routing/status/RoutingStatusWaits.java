package dev.leadflow.routing.status;

import dev.leadflow.routing.assignment.LeadOwnerAssigned;
import dev.leadflow.routing.config.RoutingConfig;
import dev.leadflow.routing.status.WaitingRequests.Waiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Long polling of the routing status: holds a request until its lead has an owner or its wait is over, without a
 * thread per request and without a query per request. A routing committed by this instance answers the lead's
 * requests right after the commit, from the decision itself; a routing by another instance is found by one sweep
 * query for all held leads every {@code leadflow.routing.status-wait.sweep-interval}.
 */
@ApplicationScoped
public class RoutingStatusWaits {

    static final String ROUTED = "routed";
    static final String TIMEOUT = "timeout";
    static final String IMMEDIATE = "immediate";

    private static final Logger LOG = Logger.getLogger(RoutingStatusWaits.class);

    private final WaitingRequests<Optional<LeadOwner>> waiting;
    private final LeadOwners owners;
    private final Duration sweepInterval;
    private final Map<String, Counter> answered;
    private volatile boolean sweepFailing;
    // Its own thread rather than @Scheduled: the scheduler fires at most once a second, and a sweep is a blocking
    // query that must stay off the event loop.
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "routing-status-sweep");
        thread.setDaemon(true);
        return thread;
    });

    RoutingStatusWaits(RoutingConfig config, LeadOwners owners, MeterRegistry registry) {
        this.waiting = new WaitingRequests<>(config.statusWait().maxWaiting());
        this.owners = owners;
        this.sweepInterval = config.statusWait().sweepInterval();
        // Every series exists from start-up at 0, so rates work before the first request.
        this.answered = Stream.of(ROUTED, TIMEOUT, IMMEDIATE).collect(Collectors.toUnmodifiableMap(
                Function.identity(), outcome -> Counter.builder("leadflow_routing_status_answered_total")
                        .description("Routing-status requests answered: at once, when the lead was routed while "
                                + "held, or unrouted when the wait was over")
                        .tag("outcome", outcome)
                        .register(registry)));
        Gauge.builder("leadflow_routing_status_waiting", waiting, WaitingRequests::size)
                .description("Routing-status requests held until their lead is routed")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        long millis = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The lead's current owner: at once when it has one, when {@code wait} is zero or when the most requests are
     * already held; otherwise once it is routed (here or by another instance) or {@code wait} is over, whichever
     * comes first (then empty). The first lookup queries the database: call it on a worker thread.
     */
    public Uni<Optional<LeadOwner>> ownerOf(UUID leadId, Duration wait) {
        // Held before the lookup, so a routing committed between the two still answers this request.
        Optional<Waiter<Optional<LeadOwner>>> held = wait.isZero() ? Optional.empty() : waiting.register(leadId);
        Optional<LeadOwner> now;
        try {
            now = owners.of(leadId);
        } catch (RuntimeException e) {
            held.ifPresent(waiting::withdraw);
            throw e;
        }
        if (held.isEmpty() || now.isPresent()) {
            held.ifPresent(waiting::withdraw);
            answered.get(IMMEDIATE).increment();
            return Uni.createFrom().item(now);
        }
        Waiter<Optional<LeadOwner>> waiter = held.get();
        return Uni.createFrom().completionStage(waiter.answer())
                .ifNoItem().after(wait).recoverWithItem(Optional::empty)
                // Time is up or the client left: stop holding it, so the registry never keeps a dead request.
                .onTermination().invoke(() -> waiting.withdraw(waiter))
                .invoke(owner -> answered.get(owner.isPresent() ? ROUTED : TIMEOUT).increment());
    }

    /** This instance's routing committed: the lead's held requests learn the owner now, from the decision itself. */
    void onOwnerAssigned(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadOwnerAssigned assigned) {
        waiting.answer(assigned.leadId(),
                Optional.of(new LeadOwner(assigned.ownerName(), assigned.ownerType(), assigned.ownerBookingLink())));
    }

    /** Answers the held requests whose lead another instance routed: one query for all of them, none when idle. */
    void sweep() {
        Set<UUID> leads = waiting.waitingLeads();
        if (leads.isEmpty()) {
            return;
        }
        try {
            owners.ofAll(leads).forEach((leadId, owner) -> waiting.answer(leadId, Optional.of(owner)));
            sweepFailing = false;
        } catch (RuntimeException e) {
            // Held requests still end at their wait; the next sweep tries again. Warned once per outage, not 5 times
            // a second.
            if (!sweepFailing) {
                LOG.warnf("Routing-status sweep failed; retrying every %s: %s", sweepInterval, e.getMessage());
            }
            sweepFailing = true;
        }
    }

    /**
     * Shutdown begins while the HTTP server still serves ({@code quarkus.shutdown.delay-enabled} makes Quarkus announce
     * it): the held requests are answered now, because by {@link ShutdownEvent} their connections are closed.
     */
    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        answerAllAndClose();
    }

    /** The fallback when shutdown was not announced; answers nothing twice. */
    void onShutdown(@Observes ShutdownEvent event) {
        answerAllAndClose();
    }

    /** Answers every held request (routed if a last sweep finds an owner) instead of dropping it; holds no more. */
    private void answerAllAndClose() {
        sweeper.shutdownNow();
        sweep();
        int answeredAtShutdown = waiting.close(leadId -> Optional.empty());
        if (answeredAtShutdown > 0) {
            LOG.infof("Answered %d held routing-status requests at shutdown", answeredAtShutdown);
        }
    }
}
