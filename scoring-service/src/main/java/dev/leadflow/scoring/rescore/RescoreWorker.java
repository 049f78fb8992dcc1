package dev.leadflow.scoring.rescore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Drives the re-score jobs: the instance that started a job starts working on it as soon as it commits, and
 * every instance looks for unfinished jobs on a schedule (to share a long job, or to resume one a restart
 * interrupted). One drain at a time per instance.
 */
@ApplicationScoped
class RescoreWorker {

    private static final Logger LOG = Logger.getLogger(RescoreWorker.class);

    private final RescoreJobs jobs;
    private final ManagedExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Set at shutdown: the database pool closes under a page in progress, which is no failure to report. */
    private volatile boolean stopping;

    RescoreWorker(RescoreJobs jobs, ManagedExecutor executor) {
        this.jobs = jobs;
        this.executor = executor;
    }

    void onStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RescoreStarted started) {
        executor.execute(this::drain);
    }

    // The fallback repeats ScoringConfig's default, so the schedule resolves whatever the config sources hold.
    @Scheduled(every = "${leadflow.scoring.rescore.poll-interval:5s}",
            delayed = "${leadflow.scoring.rescore.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void drain() {
        if (stopping || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!stopping && jobs.processNextPage()) {
                // one page per transaction, until no running job is left
            }
        } catch (RuntimeException e) {
            // The page rolls back; the next poll (or the next instance) resumes from the job's cursor.
            if (stopping) {
                LOG.debugf("Rescore page interrupted by the shutdown; the job resumes from its cursor: %s",
                        e.getClass().getName());
            } else {
                LOG.warnf("Rescore page failed; retrying on the next poll: %s", e.getClass().getName());
            }
        } finally {
            draining.set(false);
        }
    }
}
