package dev.leadflow.reporting.lifecycle.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.repository.LifecycleRow.Column;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LifecycleRowTest {

    private static final UUID LEAD = UUID.fromString("6f1c2a9e-0b8d-4c5e-9a7f-3d2b1e0c4a58");
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00.123456Z");
    private static final LeadLifecycle.Score SCORE = new LeadLifecycle.Score(115, 75, 40, T0.plusSeconds(2));
    private static final LeadLifecycle.Owner OWNER = new LeadLifecycle.Owner("rep-alice", "Alice Adams", "rep",
            T0.plusSeconds(4));
    private static final LeadLifecycle FULL = new LeadLifecycle(LEAD, T0, T0.plusSeconds(1), SCORE,
            T0.plusSeconds(3), T0.plusSeconds(4), OWNER, T0.plusSeconds(60), T0.plusSeconds(30));

    @Test
    void putsEveryPartOfALifecycleInItsOwnColumn() {
        assertThat(LifecycleRow.values(FULL)).containsExactly(
                T0, T0.plusSeconds(1),
                115, 75, 40, T0.plusSeconds(2),
                T0.plusSeconds(3), T0.plusSeconds(4),
                "rep-alice", "Alice Adams", "rep", T0.plusSeconds(4),
                T0.plusSeconds(60), T0.plusSeconds(30));
    }

    @Test
    void namesTheColumnsInTheOrderOfTheValues() {
        assertThat(LifecycleRow.SELECT_LIST).isEqualTo("captured_at, scored_at, latest_score_total, latest_score_fit, "
                + "latest_score_engagement, latest_scored_at, qualified_at, routed_at, owner_id, owner_name, "
                + "owner_type, owner_routed_at, contacted_at, sla_breached_at");
    }

    @Test
    void givesEveryValueItsColumnsType() {
        Object[] values = LifecycleRow.values(FULL);
        for (Column column : Column.values()) {
            assertThat(values[column.ordinal()]).as(column.sqlName()).isInstanceOf(column.type());
        }
    }

    @Test
    void readsBackTheLifecycleItWrote() {
        assertThat(LifecycleRow.toDomain(LEAD, LifecycleRow.values(FULL))).isEqualTo(FULL);
    }

    @Test
    void storesALeadWithoutEventsAsAllNulls() {
        assertThat(LifecycleRow.values(LeadLifecycle.unknown(LEAD))).containsOnlyNulls()
                .hasSize(LifecycleRow.COLUMNS.size());
        assertThat(LifecycleRow.toDomain(LEAD, new Object[LifecycleRow.COLUMNS.size()]))
                .isEqualTo(LeadLifecycle.unknown(LEAD));
    }

    @Test
    void readsBackAScoreWithoutAnOwnerAndAnOwnerWithoutAScore() {
        LeadLifecycle scoredOnly = new LeadLifecycle(LEAD, T0, T0.plusSeconds(1), SCORE, null, null, null, null, null);
        LeadLifecycle routedOnly = new LeadLifecycle(LEAD, null, null, null, null, T0.plusSeconds(4), OWNER, null,
                null);

        assertThat(LifecycleRow.toDomain(LEAD, LifecycleRow.values(scoredOnly))).isEqualTo(scoredOnly);
        assertThat(LifecycleRow.toDomain(LEAD, LifecycleRow.values(routedOnly))).isEqualTo(routedOnly);
    }

    @Test
    void readsBackAnOwnerWithoutNameOrType() {
        LeadLifecycle queueById = new LeadLifecycle(LEAD, null, null, null, null, T0,
                new LeadLifecycle.Owner("queue-emea", null, null, T0), null, null);

        assertThat(LifecycleRow.toDomain(LEAD, LifecycleRow.values(queueById))).isEqualTo(queueById);
    }

    @Test
    void knowsAScoreAndAnOwnerByTheirInstant() {
        Object[] values = LifecycleRow.values(FULL);
        values[Column.LATEST_SCORED_AT.ordinal()] = null;
        values[Column.OWNER_ROUTED_AT.ordinal()] = null;

        LeadLifecycle lifecycle = LifecycleRow.toDomain(LEAD, values);

        assertThat(lifecycle.latestScore()).isNull();
        assertThat(lifecycle.owner()).isNull();
        assertThat(lifecycle.routedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void rejectsARowWithTheWrongNumberOfValues() {
        Object[] oneShort = Arrays.copyOf(LifecycleRow.values(FULL), LifecycleRow.COLUMNS.size() - 1);

        assertThatThrownBy(() -> LifecycleRow.toDomain(LEAD, oneShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Expected 14 lead_lifecycle values");
    }
}
