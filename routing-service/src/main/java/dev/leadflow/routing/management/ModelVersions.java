package dev.leadflow.routing.management;

import dev.leadflow.routing.model.InvalidRoutingModelException;
import dev.leadflow.routing.model.ModelDocument;
import dev.leadflow.routing.model.ModelDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The routing model as the management API sees it: the newest version in {@code routing_model}, and changes that
 * each store a new version. A change is checked as a whole model before it is stored, so an invalid model never
 * becomes active. Routing reads the newest version at every decision ({@code RoutingModels.active()}), so a stored
 * change is used by this instance and every other one from the next lead on.
 */
@ApplicationScoped
public class ModelVersions {

    private static final Logger LOG = Logger.getLogger(ModelVersions.class);
    /** {@code routing_model.source} of the versions this API stores. */
    static final String SOURCE = "api";

    private final EntityManager entityManager;

    ModelVersions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A stored version: its number (also the answers' {@code ETag}) and document. */
    public record Stored(int version, ModelDocument document) {
    }

    /** One version in the history; {@code changedBy} and {@code summary} are null for the seed. */
    public record VersionInfo(int version, Instant createdAt, String source, String changedBy, String summary) {
    }

    /** What a change did: {@code after} is {@code before} when the edit changed nothing (no version stored). */
    public record Change(Stored before, Stored after) {
    }

    @Transactional
    public Stored current() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                        "SELECT version, document::text FROM routing_model ORDER BY version DESC LIMIT 1")
                .getSingleResult();
        return new Stored(((Number) row[0]).intValue(), ModelDocuments.fromJson((String) row[1]));
    }

    /** Every version, newest first. */
    @Transactional
    public List<VersionInfo> history() {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT version, created_at, source, changed_by, summary FROM routing_model
                        ORDER BY version DESC""")
                .getResultList();
        return rows.stream().map(found -> {
            Object[] row = (Object[]) found;
            return new VersionInfo(((Number) row[0]).intValue(), instant(row[1]), (String) row[2], (String) row[3],
                    (String) row[4]);
        }).toList();
    }

    /**
     * Applies {@code edit} to the newest version and stores the result as the next version, after checking the
     * whole model. Changes are serialised by a table lock (routing's reads are not blocked), so two admins never
     * both build on the same version: the second sees the first's result, or a 412 when it named the old version in
     * {@code If-Match}.
     *
     * @param ifMatch the request's {@code If-Match} (null: no precondition)
     * @param actor who asks (the token's subject), stored with the version
     * @param summary what changed, in a few words, stored with the version
     * @param rejectStatus the status of a change whose result is not a valid model: 400 for a put, 409 for a delete
     *                     (other items still refer to what it removes)
     * @throws ModelChangeRejected 412 for a stale {@code If-Match}, {@code rejectStatus} for an invalid result, or
     *                             whatever {@code edit} throws (e.g. 404)
     */
    @Transactional
    public Change change(String ifMatch, String actor, String summary, int rejectStatus,
            UnaryOperator<ModelDocument> edit) {
        entityManager.createNativeQuery("LOCK TABLE routing_model IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        Stored before = current();
        Preconditions.requireCurrent(ifMatch, before.version());
        ModelDocument after = edit.apply(before.document());
        if (after.equals(before.document())) {
            return new Change(before, before);
        }
        int next = before.version() + 1;
        try {
            ModelDocuments.toModel(after, next, "change");
        } catch (InvalidRoutingModelException e) {
            throw rejectStatus == 409
                    ? new ModelChangeRejected(409, "Conflict", "Other items of the routing model still refer to it; "
                            + "change them first. Nothing was changed", ModelErrors.of(e.errors()))
                    : ModelChangeRejected.invalidModel(e);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO routing_model (version, document, source, changed_by, summary)
                        VALUES (?1, CAST(?2 AS jsonb), ?3, ?4, ?5)""")
                .setParameter(1, next)
                .setParameter(2, ModelDocuments.toJson(after))
                .setParameter(3, SOURCE)
                .setParameter(4, actor)
                .setParameter(5, summary)
                .executeUpdate();
        LOG.infof("Routing model version %d stored by %s: %s", next, actor, summary);
        return new Change(before, new Stored(next, after));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
