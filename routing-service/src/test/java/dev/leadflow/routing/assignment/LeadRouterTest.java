package dev.leadflow.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.Rotation;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.TeamState;
import dev.leadflow.routing.model.RoutingModels;
import dev.leadflow.routing.repository.DistributionCounters;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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
    DistributionCounters counters;
    @Inject
    RoutingModels models;
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
        routeInParallel(leads);

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
    void parallelRoutingsToAWeightedTeamFollowTheWeightsExactly() throws Exception {
        List<LeadQualified> leads = new ArrayList<>();
        for (int i = 0; i < PARALLEL_ROUTINGS; i++) {
            leads.add(Qualifications.of(UUID.randomUUID(), Qualifications.dachEnterprise(i)));
        }

        routeInParallel(leads);

        Map<String, Long> leadsPerRep = QuarkusTransaction.requiringNew().call(() -> leads.stream()
                .flatMap(lead -> decisions.findByLead(lead.leadId()).stream())
                .peek(decision -> assertThat(decision.getRuleId()).isEqualTo("dach-enterprise"))
                .collect(Collectors.groupingBy(RoutingDecisionEntity::getOwnerId, Collectors.counting())));
        assertThat(leadsPerRep).as("weights 200/100 over 12 leads").isEqualTo(Map.of("alice", 8L, "bob", 4L));
        TeamState dach = QuarkusTransaction.requiringNew().call(() -> counters.lockTeam("dach"));
        assertThat(dach.credits()).as("the credits live in PostgreSQL, for restarts and other instances")
                .containsOnlyKeys("alice", "bob");
    }

    @Test
    void sendsANamedAccountsLeadToItsOwnerAndCountsItsLoad() {
        LeadProfile acme = new LeadProfile("wile@acme.example", "Wile", "Coyote", "ACME", "Engineer", null, "US",
                "51-200", "manufacturing");
        LeadQualified lead = Qualifications.of(UUID.randomUUID(), acme);
        int openBefore = openLeadsOf("carol");

        QuarkusTransaction.requiringNew().run(() -> router.route(lead));

        RoutingDecisionEntity decision = QuarkusTransaction.requiringNew()
                .call(() -> decisions.findByLead(lead.leadId()).get(0));
        assertThat(decision.getOwnerId()).isEqualTo("carol");
        assertThat(decision.getRuleId()).isEqualTo("account:acme");
        assertThat(decision.getOwnerBookingLink()).isEqualTo("https://meet.leadflow.example/carol");
        assertThat(decision.getExplanation().account().accountId()).isEqualTo("acme");
        assertThat(openLeadsOf("carol")).isEqualTo(openBefore + 1);
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

    /** Routes each lead in its own transaction, all released at once, as parallel routing instances would. */
    private void routeInParallel(List<LeadQualified> leads) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(leads.size());
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
    }

    private int openLeadsOf(String repId) {
        return QuarkusTransaction.requiringNew().call(() -> counters.lockLoads(
                List.of(rep(repId)), Instant.now()).get(repId).openLeads());
    }

    private Rep rep(String repId) {
        return QuarkusTransaction.requiringNew().call(() -> models.active().model().rep(repId).orElseThrow());
    }

    private Optional<String> lastAssignedRep() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Optional.ofNullable(counters.lockTeam(Rotation.DEMO_TEAM).lastRepId()));
    }

    private long outboxEventsFor(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE record_key = ?1")
                .setParameter(1, leadId.toString()).getSingleResult()).longValue());
    }
}
