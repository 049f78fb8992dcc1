package dev.leadflow.reporting.funnel.repository;

import dev.leadflow.reporting.funnel.ReportWindow;
import dev.leadflow.reporting.funnel.StageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Counts the cohort of a funnel in the lifecycle projection, in the database rather than in memory. */
@ApplicationScoped
public class FunnelRepository {

    private final EntityManager entityManager;

    FunnelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many leads captured in the window reached each stage. */
    public StageCounts countsCapturedIn(ReportWindow window) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*), count(scored_at), count(qualified_at), count(routed_at), count(contacted_at)
                FROM lead_lifecycle WHERE captured_at IS NOT NULL""");
        if (window.from() != null) {
            sql.append(" AND captured_at >= :from");
        }
        if (window.to() != null) {
            sql.append(" AND captured_at < :to");
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        if (window.from() != null) {
            query.setParameter("from", window.from());
        }
        if (window.to() != null) {
            query.setParameter("to", window.to());
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new StageCounts(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
