package dev.leadflow.scoring.modelstore;

import dev.leadflow.scoring.config.ScoringConfig;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.modelfile.ScoringModelReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The scoring models in PostgreSQL; the highest version is active. Scoring reads the active model from an in-memory
 * copy checked against the database once per {@code leadflow.scoring.model-cache-ttl} (one tiny query; the model is
 * parsed again only when its version changed), so every instance picks up a new model within that time, and the
 * instance that stored it at once. When the store is empty (the first start), it is seeded from
 * {@code leadflow.scoring.model-file}.
 */
@ApplicationScoped
public class ScoringModelStore {

    private static final Logger LOG = Logger.getLogger(ScoringModelStore.class);

    private final EntityManager entityManager;
    private final ScoringConfig config;
    private final Event<ModelStored> storedNotices;
    private final long ttlNanos;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    ScoringModelStore(EntityManager entityManager, ScoringConfig config, Event<ModelStored> storedNotices) {
        this.entityManager = entityManager;
        this.config = config;
        this.storedNotices = storedNotices;
        this.ttlNanos = config.modelCacheTtl().toNanos();
    }

    /** Seeds an empty store and loads the active model, so an invalid seed file fails the start, not a lead. */
    void onStart(@Observes StartupEvent start) {
        ActiveModel active = active();
        LOG.infof("Scoring model version %d active: %d fit and %d engagement rules, threshold %d, minimum fit %s",
                active.version(), active.model().fit().size(), active.model().engagement().size(),
                active.model().threshold(), active.model().policy().minimumFit() == null ? "none"
                        : active.model().policy().minimumFit());
    }

    /** The model that scores leads now, as of at most the cache TTL ago. */
    public ActiveModel active() {
        Snapshot current = snapshot;
        if (current != null && !current.olderThan(ttlNanos)) {
            return current.model();
        }
        synchronized (this) {
            // Another thread may have reloaded while this one waited: one query per expiry, not one per waiter.
            current = snapshot;
            if (current == null || current.olderThan(ttlNanos)) {
                long startedAt = System.nanoTime();
                long changesBefore = changes.get();
                current = new Snapshot(load(current == null ? null : current.model()), startedAt);
                // A copy read while this instance stored a model may miss it: it serves this caller only.
                if (changes.get() == changesBefore) {
                    snapshot = current;
                }
            }
            return current.model();
        }
    }

    /** The active model, reloaded first if the cached copy is older than {@code version}. */
    public ActiveModel atLeast(int version) {
        ActiveModel active = active();
        if (active.version() >= version) {
            return active;
        }
        invalidate();
        return active();
    }

    /** The active model as stored. */
    @Transactional
    public StoredModel latest() {
        return find(active().version()).orElseThrow();
    }

    @Transactional
    public Optional<StoredModel> find(int version) {
        return Optional.ofNullable(entityManager.find(StoredModel.class, version));
    }

    /** Every stored model, newest first. */
    @Transactional
    public List<StoredModel> versions() {
        return entityManager.createQuery("SELECT m FROM StoredModel m ORDER BY m.version DESC", StoredModel.class)
                .getResultList();
    }

    /**
     * Stores a validated model as the next version (its re-score job starts in the same transaction); it becomes
     * active on this instance once the transaction commits.
     *
     * @param basedOn the version the change was based on (If-Match), or null to store it whatever came before
     * @throws ModelVersionConflictException when {@code basedOn} is not the latest version
     */
    @Transactional
    public StoredModel store(ModelDocument document, ScoringModel model, Integer basedOn, String source,
            String createdBy) {
        int latest = lockAndReadLatestVersion();
        if (basedOn != null && basedOn != latest) {
            throw new ModelVersionConflictException(basedOn, latest);
        }
        StoredModel stored = new StoredModel(latest + 1, document, model.version(), source, Instant.now(),
                createdBy);
        entityManager.persist(stored);
        storedNotices.fire(new ModelStored(stored.version()));
        LOG.infof("Scoring model version %d (%s) stored from %s", stored.version(), stored.label(), source);
        return stored;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModelStored stored) {
        invalidate();
    }

    private void invalidate() {
        changes.incrementAndGet();
        snapshot = null;
    }

    private ActiveModel load(ActiveModel cached) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Integer latest = (Integer) entityManager.createNativeQuery("SELECT max(version) FROM scoring_model")
                    .getSingleResult();
            if (latest == null) {
                latest = seed();
            }
            if (cached != null && cached.version() == latest) {
                return cached;
            }
            StoredModel stored = entityManager.find(StoredModel.class, latest);
            return new ActiveModel(stored.version(), stored.document().parse("scoring model version " + latest));
        });
    }

    /** Stores the configured model file as version 1 unless another instance was first; the latest version. */
    private int seed() {
        int latest = lockAndReadLatestVersion();
        if (latest > 0) {
            return latest;
        }
        String location = config.modelFile();
        ModelDocument document = new ModelDocument(ScoringModelReader.text(location), ModelFormat.YAML);
        ScoringModel model = document.parse(location);
        entityManager.persist(new StoredModel(1, document, model.version(), "file " + location, Instant.now(), null));
        LOG.infof("Scoring model store seeded with version 1 (%s) from %s", model.version(), location);
        return 1;
    }

    /** Serialises writers (two admins, two instances seeding) so each version number is taken once. */
    private int lockAndReadLatestVersion() {
        entityManager.createNativeQuery("LOCK TABLE scoring_model IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        Integer latest = (Integer) entityManager.createNativeQuery("SELECT max(version) FROM scoring_model")
                .getSingleResult();
        return latest == null ? 0 : latest;
    }

    private record Snapshot(ActiveModel model, long loadedAtNanos) {

        boolean olderThan(long ttlNanos) {
            return System.nanoTime() - loadedAtNanos >= ttlNanos;
        }
    }
}
