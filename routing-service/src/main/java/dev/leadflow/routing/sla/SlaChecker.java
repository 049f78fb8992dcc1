package dev.leadflow.routing.sla;

import dev.leadflow.routing.config.RoutingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    /** Set at shutdown: the database pool closes under a run in progress, which is no failure to report. */
    private volatile boolean stopping;

    SlaChecker(SlaBreaches breaches, SlaMetrics metrics, RoutingConfig config) {
        this.breaches = breaches;
        this.metrics = metrics;
        this.config = config;
    }

    @Scheduled(every = "${leadflow.routing.sla.check-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (stopping) {
            return;
        }
        int pageSize = config.sla().pageSize();
        try {
            while (breaches.handleDue(pageSize) == pageSize && !stopping) {
                // a full page: more may be due
            }
            metrics.refreshOpenTimers();
        } catch (RuntimeException e) {
            // The timers stay open and due: the next run (here or on another instance) retries them.
            if (stopping) {
                LOG.debugf("SLA check interrupted by the shutdown: %s", e.getMessage());
            } else {
                LOG.warnf("SLA check failed; retrying on the next run: %s", e.getMessage());
            }
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
