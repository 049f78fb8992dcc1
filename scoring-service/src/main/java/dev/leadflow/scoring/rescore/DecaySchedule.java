package dev.leadflow.scoring.rescore;

import dev.leadflow.scoring.config.ScoringConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Engagement fades even when nothing happens: every {@code leadflow.scoring.decay.interval} a decay run re-scores the
 * leads whose score has points from a rule that changes with time alone (see {@link RescoreJobs#startDecay}); the run
 * is a re-score job, so instances share its pages and a restart resumes it. A lead whose points moved by at least one
 * gets a new {@code lead.scored}; a lead or recycled lead that fell short of the MQL policy moves to nurture.
 */
@ApplicationScoped
class DecaySchedule {

    private static final Logger LOG = Logger.getLogger(DecaySchedule.class);

    private final RescoreJobs jobs;
    private final boolean enabled;

    DecaySchedule(RescoreJobs jobs, ScoringConfig config) {
        this.jobs = jobs;
        this.enabled = config.decay().enabled();
    }

    // The fallback repeats ScoringConfig's default, so the schedule resolves whatever the config sources hold.
    @Scheduled(every = "${leadflow.scoring.decay.interval:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!enabled) {
            return;
        }
        try {
            jobs.startDecay(Instant.now());
        } catch (RuntimeException e) {
            // Typically another instance started this run at the same moment (one decay run at a time).
            LOG.debugf("No decay run started here: %s", e.getClass().getName());
        }
    }
}
