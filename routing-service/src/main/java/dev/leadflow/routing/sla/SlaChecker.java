package dev.leadflow.routing.sla;

import dev.leadflow.routing.config.RoutingConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Looks for due first-contact SLA timers every {@code leadflow.routing.sla.check-interval} and hands them to
 * {@link SlaBreaches} a page at a time until none is due. Safe with several routing instances: each page is claimed
 * with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class SlaChecker {

    private static final Logger LOG = Logger.getLogger(SlaChecker.class);

    private final SlaBreaches breaches;
    private final SlaMetrics metrics;
    private final RoutingConfig config;

    SlaChecker(SlaBreaches breaches, SlaMetrics metrics, RoutingConfig config) {
        this.breaches = breaches;
        this.metrics = metrics;
        this.config = config;
    }

    @Scheduled(every = "${leadflow.routing.sla.check-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int pageSize = config.sla().pageSize();
        try {
            while (breaches.handleDue(pageSize) == pageSize) {
                // a full page: more may be due
            }
        } catch (RuntimeException e) {
            // The timers stay open and due: the next run retries them (database down, a lock conflict, ...).
            LOG.warnf("SLA check failed; retrying on the next run: %s", e.getMessage());
        } finally {
            metrics.refreshOpenTimers();
        }
    }
}
