package dev.leadflow.routing.model;

import dev.leadflow.routing.config.RoutingConfig;
import dev.leadflow.routing.decision.RoutingEngine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The routing model versions in PostgreSQL ({@code routing_model}); the highest version is the active one. At
 * start-up the YAML seed is checked (an invalid one stops the service, naming item and field) and becomes version 1
 * when the table is empty; later versions come from the management API. Every instance reads the active version per
 * routing (one indexed lookup) and re-parses only when it changed.
 */
@ApplicationScoped
public class RoutingModels {

    private static final Logger LOG = Logger.getLogger(RoutingModels.class);
    private static final String CLASSPATH = "classpath:";

    private final EntityManager entityManager;
    private final RoutingConfig config;
    private volatile RoutingEngine active;

    RoutingModels(EntityManager entityManager, RoutingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    void seedAtStartUp(@Observes StartupEvent start) {
        String seed = config.seed();
        ModelDocument document;
        try (InputStream yaml = open(seed)) {
            document = ModelDocuments.readYaml(yaml, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the routing model seed " + seed, e);
        }
        ModelDocuments.toModel(document, 1, seed);
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO routing_model (version, document, source)
                        SELECT 1, CAST(?1 AS jsonb), ?2 WHERE NOT EXISTS (SELECT 1 FROM routing_model)
                        ON CONFLICT (version) DO NOTHING""")
                .setParameter(1, ModelDocuments.toJson(document))
                .setParameter(2, seed)
                .executeUpdate();
        RoutingEngine engine = active();
        LOG.infof("Routing model version %d active (%s): %d reps, %d teams, %d accounts, %d territories, %d rules",
                engine.model().version(), inserted == 1 ? "seeded from " + seed : "stored",
                engine.model().reps().size(), engine.model().teams().size(), engine.model().accounts().size(),
                engine.model().territories().size(), engine.model().rules().size());
    }

    /** The engine of the active model version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingEngine active() {
        int version = ((Number) entityManager.createNativeQuery("SELECT max(version) FROM routing_model")
                .getSingleResult()).intValue();
        RoutingEngine current = active;
        if (current != null && current.model().version() == version) {
            return current;
        }
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT document::text, source FROM routing_model WHERE version = ?1")
                .setParameter(1, version)
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        RoutingEngine loaded = new RoutingEngine(ModelDocuments.toModel(ModelDocuments.fromJson((String) row[0]),
                version, "version " + version + " (" + row[1] + ")"));
        active = loaded;
        return loaded;
    }

    private static InputStream open(String seed) throws IOException {
        if (seed.startsWith(CLASSPATH)) {
            InputStream resource = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(seed.substring(CLASSPATH.length()));
            if (resource == null) {
                throw new IOException("no such classpath resource");
            }
            return resource;
        }
        return Files.newInputStream(Path.of(seed));
    }
}
