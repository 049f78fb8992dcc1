package dev.leadflow.routing.management;

import dev.leadflow.routing.model.RoutingModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Puts the test database back on the seed (model version 1) after a test stored versions through the API. */
final class SeedModel {

    private SeedModel() {
    }

    static void restore(EntityManager entityManager, RoutingModels models) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM routing_model WHERE version > 1").executeUpdate());
        // Routing keeps the engine of the version number it last read; versions are never deleted outside tests, so
        // read version 1 now, or a later test's new version 2 would be mistaken for the deleted one.
        QuarkusTransaction.requiringNew().run(models::active);
    }
}
