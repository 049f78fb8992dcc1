package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The columns of a {@code lead_lifecycle} row besides its key, mapped to and from {@link LeadLifecycle} by hand:
 * the projection reads and writes rows with native statements, without an entity to load and dirty-check.
 * Values are in {@link Column} order, each of its column's {@link Column#type() type} or null.
 */
final class LifecycleRow {

    /** A column, the Java type of its values and how the value comes out of a lifecycle. */
    enum Column {
        CAPTURED_AT("captured_at", Instant.class, LeadLifecycle::capturedAt),
        SCORED_AT("scored_at", Instant.class, LeadLifecycle::scoredAt),
        LATEST_SCORE_TOTAL("latest_score_total", Integer.class, score(LeadLifecycle.Score::total)),
        LATEST_SCORE_FIT("latest_score_fit", Integer.class, score(LeadLifecycle.Score::fit)),
        LATEST_SCORE_ENGAGEMENT("latest_score_engagement", Integer.class, score(LeadLifecycle.Score::engagement)),
        LATEST_SCORED_AT("latest_scored_at", Instant.class, score(LeadLifecycle.Score::scoredAt)),
        QUALIFIED_AT("qualified_at", Instant.class, LeadLifecycle::qualifiedAt),
        ROUTED_AT("routed_at", Instant.class, LeadLifecycle::routedAt),
        OWNER_ID("owner_id", String.class, owner(LeadLifecycle.Owner::id)),
        OWNER_NAME("owner_name", String.class, owner(LeadLifecycle.Owner::name)),
        OWNER_TYPE("owner_type", String.class, owner(LeadLifecycle.Owner::type)),
        OWNER_ROUTED_AT("owner_routed_at", Instant.class, owner(LeadLifecycle.Owner::routedAt)),
        CONTACTED_AT("contacted_at", Instant.class, LeadLifecycle::contactedAt),
        SLA_BREACHED_AT("sla_breached_at", Instant.class, LeadLifecycle::slaBreachedAt);

        private final String sqlName;
        private final Class<?> type;
        private final Function<LeadLifecycle, Object> value;

        Column(String sqlName, Class<?> type, Function<LeadLifecycle, Object> value) {
            this.sqlName = sqlName;
            this.type = type;
            this.value = value;
        }

        String sqlName() {
            return sqlName;
        }

        Class<?> type() {
            return type;
        }

        private static Function<LeadLifecycle, Object> score(Function<LeadLifecycle.Score, Object> part) {
            return lifecycle -> lifecycle.latestScore() == null ? null : part.apply(lifecycle.latestScore());
        }

        private static Function<LeadLifecycle, Object> owner(Function<LeadLifecycle.Owner, Object> part) {
            return lifecycle -> lifecycle.owner() == null ? null : part.apply(lifecycle.owner());
        }
    }

    static final List<Column> COLUMNS = List.of(Column.values());

    /** The column names, comma-separated in {@link Column} order, for a select list or a {@code RETURNING}. */
    static final String SELECT_LIST = String.join(", ", COLUMNS.stream().map(Column::sqlName).toList());

    private LifecycleRow() {
    }

    /** The row's values, in {@link Column} order. */
    static Object[] values(LeadLifecycle lifecycle) {
        return COLUMNS.stream().map(column -> column.value.apply(lifecycle)).toArray();
    }

    /**
     * The lifecycle a row holds. A score or an owner is known once its instant is: the row stores their columns
     * only together, so the instant alone decides.
     *
     * @throws IllegalArgumentException when the row does not have one value per column
     */
    static LeadLifecycle toDomain(UUID leadId, Object[] values) {
        if (values.length != COLUMNS.size()) {
            throw new IllegalArgumentException("Expected " + COLUMNS.size() + " lead_lifecycle values, got "
                    + Arrays.toString(values));
        }
        Instant latestScoredAt = (Instant) values[Column.LATEST_SCORED_AT.ordinal()];
        LeadLifecycle.Score score = latestScoredAt == null ? null : new LeadLifecycle.Score(
                (Integer) values[Column.LATEST_SCORE_TOTAL.ordinal()],
                (Integer) values[Column.LATEST_SCORE_FIT.ordinal()],
                (Integer) values[Column.LATEST_SCORE_ENGAGEMENT.ordinal()], latestScoredAt);
        Instant ownerRoutedAt = (Instant) values[Column.OWNER_ROUTED_AT.ordinal()];
        LeadLifecycle.Owner owner = ownerRoutedAt == null ? null : new LeadLifecycle.Owner(
                (String) values[Column.OWNER_ID.ordinal()], (String) values[Column.OWNER_NAME.ordinal()],
                (String) values[Column.OWNER_TYPE.ordinal()], ownerRoutedAt);
        return new LeadLifecycle(leadId, (Instant) values[Column.CAPTURED_AT.ordinal()],
                (Instant) values[Column.SCORED_AT.ordinal()], score, (Instant) values[Column.QUALIFIED_AT.ordinal()],
                (Instant) values[Column.ROUTED_AT.ordinal()], owner, (Instant) values[Column.CONTACTED_AT.ordinal()],
                (Instant) values[Column.SLA_BREACHED_AT.ordinal()]);
    }
}
