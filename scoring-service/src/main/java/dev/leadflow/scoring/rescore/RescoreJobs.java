package dev.leadflow.scoring.rescore;

import dev.leadflow.scoring.config.ScoringConfig;
import dev.leadflow.scoring.lead.LeadScoringService;
import dev.leadflow.scoring.lead.RescoreCause;
import dev.leadflow.scoring.lead.RescoreOutcome;
import dev.leadflow.scoring.modelstore.ActiveModel;
import dev.leadflow.scoring.modelstore.ModelStored;
import dev.leadflow.scoring.modelstore.ScoringModelStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-scores leads without a new event: every lead after a model change, and the leads whose points fade with time
 * (decay). Storing a model starts a job in the same transaction (superseding any running one: the new job covers every
 * lead again). A page is processed under a lock on the job's row taken with {@code SKIP LOCKED}, so instances take
 * turns page by page and never re-score the same page at once; the cursor advances when the page commits, so a page
 * interrupted by a crash is simply re-scored again by whichever instance continues (re-scoring is idempotent: same
 * points publish nothing, an MQL never qualifies twice). Each lead is re-scored in its own transaction through
 * {@link LeadScoringService#rescore}, the path a new touchpoint takes.
 */
@ApplicationScoped
public class RescoreJobs {

    private static final Logger LOG = Logger.getLogger(RescoreJobs.class);
    /** Separates rule ids in the one text parameter the decay page query splits (ids are single-line YAML values). */
    private static final String RULE_SEPARATOR = "\n";

    private final EntityManager entityManager;
    private final LeadScoringService scoring;
    private final ScoringModelStore models;
    private final RescoreMetrics metrics;
    private final Event<RescoreStarted> startedNotices;
    private final int pageSize;

    RescoreJobs(EntityManager entityManager, LeadScoringService scoring, ScoringModelStore models,
            RescoreMetrics metrics, Event<RescoreStarted> startedNotices, ScoringConfig config) {
        this.entityManager = entityManager;
        this.scoring = scoring;
        this.models = models;
        this.metrics = metrics;
        this.startedNotices = startedNotices;
        this.pageSize = config.rescore().pageSize();
    }

    /** Starts the job of a newly stored model, in the transaction that stores it. */
    void onModelStored(@Observes ModelStored stored) {
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        UPDATE rescore_job SET status = 'superseded', updated_at = ?1, finished_at = ?1
                        WHERE status = 'running'""")
                .setParameter(1, now)
                .executeUpdate();
        int total = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM scored_lead").getSingleResult())
                .intValue();
        start(new RescoreJob(UUID.randomUUID(), RescoreJob.MODEL, null, stored.version(), total, now));
    }

    /**
     * Starts re-scoring, as of {@code asOf}, the leads whose score has points from a rule of the active model that
     * changes with time alone; nothing when the model has no such rule or a decay run is already running (here or on
     * another instance).
     */
    @Transactional
    public Optional<RescoreJob> startDecay(Instant asOf) {
        ActiveModel active = models.active();
        Set<String> rules = active.model().rulesChangingOverTime();
        if (rules.isEmpty() || decayRunning()) {
            return Optional.empty();
        }
        int total = ((Number) withRules(entityManager.createNativeQuery(
                "SELECT count(*) FROM scored_lead WHERE " + HAS_RULE), rules).getSingleResult()).intValue();
        return Optional.of(start(new RescoreJob(UUID.randomUUID(), RescoreJob.DECAY, asOf, active.version(), total,
                Instant.now())));
    }

    @Transactional
    public Optional<RescoreJob> find(UUID id) {
        return Optional.ofNullable(entityManager.find(RescoreJob.class, id));
    }

    /** The most recently started job of a model change. */
    @Transactional
    public Optional<RescoreJob> latest() {
        return entityManager.createQuery("SELECT j FROM RescoreJob j WHERE j.trigger = :trigger ORDER BY j.startedAt DESC",
                        RescoreJob.class)
                .setParameter("trigger", RescoreJob.MODEL)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Re-scores the next page of a running job; false when no job is left that this instance can work on. */
    boolean processNextPage() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RescoreJob> claimed = entityManager.createNativeQuery("""
                            SELECT * FROM rescore_job WHERE status = 'running'
                            ORDER BY model_version DESC, started_at LIMIT 1 FOR UPDATE SKIP LOCKED""", RescoreJob.class)
                    .getResultList();
            if (claimed.isEmpty()) {
                return false;
            }
            processPage(claimed.get(0));
            return true;
        });
    }

    private RescoreJob start(RescoreJob job) {
        entityManager.persist(job);
        startedNotices.fire(new RescoreStarted(job));
        LOG.infof("Rescore %s (%s) started: %d leads with model version %d", job.id(), job.trigger(), job.total(),
                job.modelVersion());
        return job;
    }

    private void processPage(RescoreJob job) {
        boolean decay = RescoreJob.DECAY.equals(job.trigger());
        // This instance may not have seen the job's model yet (it is cached for up to the TTL).
        ActiveModel active = models.atLeast(job.modelVersion());
        List<UUID> page = nextPage(job.lastLeadId(), decay ? active.model().rulesChangingOverTime() : null);
        Instant now = job.asOf() != null ? job.asOf() : Instant.now();
        RescoreCause cause = decay ? RescoreCause.DECAY : RescoreCause.MODEL_CHANGE;
        RescoreMetrics.Trigger trigger = decay ? RescoreMetrics.Trigger.DECAY : RescoreMetrics.Trigger.MODEL;
        int changed = 0;
        int qualified = 0;
        for (UUID leadId : page) {
            RescoreOutcome outcome = scoring.rescore(leadId, now, cause);
            metrics.rescored(trigger, outcome);
            changed += outcome == RescoreOutcome.UNCHANGED ? 0 : 1;
            qualified += outcome == RescoreOutcome.QUALIFIED ? 1 : 0;
        }
        int doneBefore = job.done();
        if (!page.isEmpty()) {
            job.advance(page.get(page.size() - 1), page.size(), changed, qualified, Instant.now());
        }
        if (page.size() < pageSize) {
            job.finish(Instant.now());
            LOG.infof("Rescore %s (%s) finished: %d leads re-scored with model version %d, %d changed, %d qualified",
                    job.id(), job.trigger(), job.done(), job.modelVersion(), job.changed(), job.qualified());
        } else if (!decay && tenth(doneBefore, job.total()) < tenth(job.done(), job.total())) {
            LOG.infof("Rescore %s: %d of %d leads (%d%%), %d changed, %d qualified", job.id(), job.done(),
                    job.total(), job.percentDone(), job.changed(), job.qualified());
        }
    }

    /** A lead's score has a reason from one of the rules (given as one text parameter, {@code :rules}). */
    private static final String HAS_RULE = """
            EXISTS (SELECT 1 FROM jsonb_array_elements(reasons) reason
                    WHERE reason ->> 'ruleId' = ANY (string_to_array(:rules, E'\\n')))""";

    /** The next page of leads after the cursor: all of them, or those with a reason from one of {@code rules}. */
    @SuppressWarnings("unchecked")
    private List<UUID> nextPage(UUID after, Set<String> rules) {
        String where = (after == null ? "TRUE" : "lead_id > :after") + (rules == null ? "" : " AND " + HAS_RULE);
        Query query = entityManager.createNativeQuery(
                "SELECT lead_id FROM scored_lead WHERE " + where + " ORDER BY lead_id LIMIT :pageSize", UUID.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (rules != null) {
            withRules(query, rules);
        }
        return query.setParameter("pageSize", pageSize).getResultList();
    }

    private static Query withRules(Query query, Set<String> rules) {
        return query.setParameter("rules", String.join(RULE_SEPARATOR, rules));
    }

    private boolean decayRunning() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM rescore_job WHERE trigger = 'decay' AND status = 'running'").getSingleResult())
                .intValue() > 0;
    }

    private static long tenth(int done, int total) {
        return total == 0 ? 0 : 10L * done / total;
    }
}
