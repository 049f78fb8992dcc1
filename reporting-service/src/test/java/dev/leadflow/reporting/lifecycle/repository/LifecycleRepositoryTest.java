package dev.leadflow.reporting.lifecycle.repository;

import static dev.leadflow.reporting.TestEvents.captured;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.qualified;
import static dev.leadflow.reporting.TestEvents.routed;
import static dev.leadflow.reporting.TestEvents.scored;
import static dev.leadflow.reporting.TestEvents.slaBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.LeadTimeline;
import dev.leadflow.reporting.lifecycle.TimelineEntry;
import dev.leadflow.reporting.lifecycle.projection.LifecycleProjector;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.groups.Tuple;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projection's statements against the real database, called the way the consumers call it: each event in a
 * transaction of its own, the events of one lead from several threads at once.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class LifecycleRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    LifecycleProjector projector;

    @Inject
    LifecycleRepository repository;

    @Inject
    @PersistenceUnitExtension
    StatementLog statements;

    @Inject
    EntityManager entityManager;

    private final ExecutorService consumers = Executors.newFixedThreadPool(6);
    private final UUID leadId = UUID.randomUUID();
    private final Instant capturedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant qualifiedAt = capturedAt.plusMillis(160);
    private final Instant routedAt = capturedAt.plusMillis(2_500);

    @AfterEach
    void stopConsumers() {
        consumers.shutdownNow();
    }

    @Test
    void projectsAnEventWithOneLockingUpsertOneUpdateAndOneInsertAndNoEntity() {
        LeadRouted event = routed(leadId, capturedAt, qualifiedAt, routedAt);
        int[] entitiesInSession = new int[1];

        List<String> sql = statements.during(() -> QuarkusTransaction.requiringNew().run(() -> {
            projector.onRouted(event);
            entitiesInSession[0] = entityManager.unwrap(Session.class).getStatistics().getEntityCount();
        }));

        assertThat(sql).extracting(LifecycleRepositoryTest::verbAndTable)
                .containsExactly("insert into lead_lifecycle", "update lead_lifecycle", "insert into timeline_event");
        assertThat(sql.get(0)).contains("ON CONFLICT (lead_id) DO UPDATE").contains("RETURNING");
        assertThat(entitiesInSession[0]).isZero();
        assertThat(repository.timeline(leadId)).get().extracting(LeadTimeline::lifecycle)
                .isEqualTo(LeadLifecycle.unknown(leadId).apply(event).after());
    }

    @Test
    void projectsABatchWithSharedStatementsExactlyAsOneEventAtATime() {
        UUID batchedTwin = UUID.randomUUID();
        UUID batchedOther = UUID.randomUUID();
        UUID twin = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant later = capturedAt.plusSeconds(90);
        // One lead scored twice in the batch (the second score must win, as it would one event at a time).
        List<LeadScored> batch = List.of(scored(batchedTwin, capturedAt, capturedAt.plusMillis(150)),
                scored(batchedOther, capturedAt, capturedAt.plusMillis(170)), scored(batchedTwin, capturedAt, later));
        List<LeadScored> oneByOne = List.of(scored(twin, capturedAt, capturedAt.plusMillis(150)),
                scored(other, capturedAt, capturedAt.plusMillis(170)), scored(twin, capturedAt, later));

        List<String> sql = statements.during(() -> QuarkusTransaction.requiringNew().run(() ->
                projector.onScoredBatch(batch)));
        oneByOne.forEach(event -> QuarkusTransaction.requiringNew().run(() -> projector.onScored(event)));

        assertThat(sql).extracting(LifecycleRepositoryTest::verbAndTable).containsExactly("insert into lead_lifecycle",
                "update lead_lifecycle", "update lead_lifecycle", "insert into timeline_event");
        assertSameProjection(batchedTwin, twin);
        assertSameProjection(batchedOther, other);
        assertThat(repository.timeline(batchedTwin).orElseThrow().lifecycle().latestScore().scoredAt()).isEqualTo(later);
    }

    private void assertSameProjection(UUID batched, UUID single) {
        LeadTimeline batchedTimeline = repository.timeline(batched).orElseThrow();
        LeadTimeline singleTimeline = repository.timeline(single).orElseThrow();
        assertThat(batchedTimeline.lifecycle()).usingRecursiveComparison().ignoringFields("leadId")
                .isEqualTo(singleTimeline.lifecycle());
        assertThat(batchedTimeline.events()).extracting(TimelineEntry::type, TimelineEntry::occurredAt,
                TimelineEntry::summary).containsExactlyElementsOf(singleTimeline.events().stream()
                .map(entry -> Tuple.tuple(entry.type(), entry.occurredAt(), entry.summary()))
                .toList());
    }

    @Test
    void skipsTheUpdateWhenAnEventChangesNothing() {
        LeadContacted first = contacted(leadId, routedAt.plusSeconds(60));
        LeadContacted later = contacted(leadId, routedAt.plusSeconds(120));
        QuarkusTransaction.requiringNew().run(() -> projector.onContacted(first));

        List<String> sql = statements.during(() -> QuarkusTransaction.requiringNew().run(() ->
                projector.onContacted(later)));

        assertThat(sql).extracting(LifecycleRepositoryTest::verbAndTable)
                .containsExactly("insert into lead_lifecycle", "insert into timeline_event");
        LeadTimeline timeline = repository.timeline(leadId).orElseThrow();
        assertThat(timeline.lifecycle().contactedAt()).isEqualTo(first.contactedAt());
        assertThat(timeline.events()).extracting(TimelineEntry::eventId)
                .containsExactly(first.eventId(), later.eventId());
    }

    @Test
    void concurrentEventsOfOneLeadOnDifferentTopicsLoseNoUpdate() throws Exception {
        for (int lead = 1; lead <= 20; lead++) {
            UUID id = UUID.randomUUID();
            LeadCaptured captured = captured(id, capturedAt);
            LeadScored scored = scored(id, capturedAt, capturedAt.plusMillis(150));
            LeadQualified qualified = qualified(id, capturedAt, qualifiedAt);
            LeadRouted routed = routed(id, capturedAt, qualifiedAt, routedAt);
            LeadContacted contacted = contacted(id, routedAt.plusSeconds(60));
            LeadSlaBreached breached = slaBreached(id, routedAt, routedAt.plusSeconds(30));
            List<Runnable> perTopic = List.of(() -> projector.onCaptured(captured), () -> projector.onScored(scored),
                    () -> projector.onQualified(qualified), () -> projector.onRouted(routed),
                    () -> projector.onContacted(contacted), () -> projector.onSlaBreached(breached));
            // All six start together, on a lead that has no row yet: they race on creating it and on updating it.
            CyclicBarrier start = new CyclicBarrier(perTopic.size());
            List<Future<?>> done = perTopic.stream().<Future<?>>map(project -> consumers.submit(() -> {
                start.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                QuarkusTransaction.requiringNew().run(project);
                return null;
            })).toList();
            for (Future<?> each : done) {
                each.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            LeadLifecycle expected = LeadLifecycle.unknown(id).apply(captured).after().apply(scored).after()
                    .apply(qualified).after().apply(routed).after().apply(contacted).after().apply(breached).after();
            LeadTimeline timeline = repository.timeline(id).orElseThrow();
            assertThat(timeline.lifecycle()).isEqualTo(expected);
            assertThat(timeline.events()).hasSize(perTopic.size());
        }
    }

    @Test
    void holdsTheRowLockUntilTheEventCommits() throws Exception {
        LeadScored scored = scored(leadId, capturedAt, capturedAt.plusMillis(150));
        LeadRouted routed = routed(leadId, capturedAt, qualifiedAt, routedAt);
        CountDownLatch scoredProjected = new CountDownLatch(1);
        CountDownLatch commitScored = new CountDownLatch(1);
        Future<?> first = consumers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            projector.onScored(scored);
            scoredProjected.countDown();
            await(commitScored);
        }));
        await(scoredProjected);

        Future<?> second = consumers.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                projector.onRouted(routed)));

        assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        commitScored.countDown();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // The routing started from the committed score: neither event's effect is lost.
        LeadLifecycle lifecycle = repository.timeline(leadId).orElseThrow().lifecycle();
        assertThat(lifecycle.latestScore()).isEqualTo(new LeadLifecycle.Score(115, 75, 40, scored.scoredAt()));
        assertThat(lifecycle.scoredAt()).isEqualTo(scored.scoredAt());
        assertThat(lifecycle.owner()).isEqualTo(new LeadLifecycle.Owner("rep-alice", "Alice Adams", "rep", routedAt));
    }

    @Test
    void mapsEveryColumnOfTheTable() {
        @SuppressWarnings("unchecked")
        List<String> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'lead_lifecycle'
                        ORDER BY ordinal_position""")
                .getResultList());

        assertThat(columns).first().isEqualTo("lead_id");
        assertThat(columns.subList(1, columns.size()))
                .containsExactlyElementsOf(LifecycleRow.COLUMNS.stream().map(LifecycleRow.Column::sqlName).toList());
    }

    /** {@code "insert into lead_lifecycle"} for {@code "INSERT INTO lead_lifecycle (lead_id) ..."}. */
    private static String verbAndTable(String sql) {
        String[] words = sql.trim().toLowerCase().split("\\s+");
        return words[0].equals("update") ? words[0] + " " + words[1] : words[0] + " " + words[1] + " " + words[2];
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
