package dev.leadflow.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.routing.decision.RoutingModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The model versions in PostgreSQL: the seed is version 1, and a newer version takes over without a restart. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingModelsTest {

    @Inject
    RoutingModels models;
    @Inject
    EntityManager entityManager;

    @Test
    void storesTheSeedAsVersionOne() {
        Object source = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT source FROM routing_model WHERE version = 1").getSingleResult());
        RoutingModel active = QuarkusTransaction.requiringNew().call(() -> models.active().model());

        assertThat(source).isEqualTo("classpath:routing/demo-routing.yaml");
        assertThat(active.rules()).extracting(rule -> rule.id())
                .containsExactly("students-to-nurture", "dach-enterprise", "everyone-else");
    }

    @Test
    void switchesToANewerVersionAsSoonAsItIsStored() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            INSERT INTO routing_model (version, document, source)
                            SELECT 2, jsonb_set(document, '{defaultQueue}', '"triage"'), 'test'
                            FROM routing_model WHERE version = 1""").executeUpdate());

            RoutingModel active = QuarkusTransaction.requiringNew().call(() -> models.active().model());

            assertThat(active.version()).isEqualTo(2);
            assertThat(active.defaultQueue()).isEqualTo("triage");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM routing_model WHERE version = 2").executeUpdate());
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> models.active().model().version())).isEqualTo(1);
    }
}
