package dev.leadflow.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.Rotation;
import dev.leadflow.routing.repository.RoundRobinCursor;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The routing transaction against the real PostgreSQL, without Kafka in the way. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class LeadRouterTest {

    private static final int PARALLEL_ROUTINGS = 12;

    @Inject
    LeadRouter router;
    @Inject
    RoundRobinCursor cursor;
    @Inject
    RoutingDecisionRepository decisions;
    @Inject
    EntityManager entityManager;

    @Test
    void parallelRoutingsTakeTurnsWithoutDoubleAssignmentOrLostTurn() throws Exception {
        List<LeadQualified> leads = new ArrayList<>();
        for (int i = 0; i < PARALLEL_ROUTINGS; i++) {
            leads.add(Qualifications.of(UUID.randomUUID()));
        }
        ExecutorService instances = Executors.newFixedThreadPool(PARALLEL_ROUTINGS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> routings = leads.stream().map(lead -> instances.submit(() -> {
                start.await();
                QuarkusTransaction.requiringNew().run(() -> router.route(lead));
                return null;
            })).collect(Collectors.toList());
            start.countDown();
            for (Future<?> routing : routings) {
                routing.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        List<RoutingDecisionEntity> inRoutingOrder = QuarkusTransaction.requiringNew().call(() -> leads.stream()
                .flatMap(lead -> decisions.findByLead(lead.leadId()).stream())
                .sorted(Comparator.comparing(RoutingDecisionEntity::getRoutedAt))
                .toList());
        assertThat(inRoutingOrder).hasSize(PARALLEL_ROUTINGS);
        for (int i = 1; i < inRoutingOrder.size(); i++) {
            assertThat(inRoutingOrder.get(i).getOwnerId())
                    .as("turn %d", i)
                    .isEqualTo(Rotation.after(inRoutingOrder.get(i - 1).getOwnerId()));
        }
        Map<String, Long> leadsPerRep = inRoutingOrder.stream()
                .collect(Collectors.groupingBy(RoutingDecisionEntity::getOwnerId, Collectors.counting()));
        assertThat(leadsPerRep).containsOnlyKeys(Rotation.DEMO_REPS)
                .allSatisfy((rep, count) -> assertThat(count).isEqualTo(PARALLEL_ROUTINGS / 3L));
    }

    @Test
    void leavesNoDecisionAndTakesNoTurnWhenTheTransactionRollsBack() {
        Optional<String> lastBefore = lastAssignedRep();
        LeadQualified lead = Qualifications.of(UUID.randomUUID());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            router.route(lead);
            throw new IllegalStateException("rolled back on purpose");
        })).hasMessageContaining("on purpose");

        assertThat(lastAssignedRep()).isEqualTo(lastBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> decisions.findByLead(lead.leadId()))).isEmpty();
        assertThat(outboxEventsFor(lead.leadId())).isZero();
    }

    @Test
    void routesOnlyInsideTheCallersTransaction() {
        assertThatThrownBy(() -> router.route(Qualifications.of(UUID.randomUUID())))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    private Optional<String> lastAssignedRep() {
        return QuarkusTransaction.requiringNew().call(cursor::lockAndReadLastAssignedRep);
    }

    private long outboxEventsFor(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE record_key = ?1")
                .setParameter(1, leadId.toString()).getSingleResult()).longValue());
    }
}
