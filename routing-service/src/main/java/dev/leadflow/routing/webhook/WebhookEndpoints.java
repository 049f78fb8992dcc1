package dev.leadflow.routing.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The webhook endpoints in PostgreSQL ({@code webhook_endpoint}). Secrets are returned only when created. */
@ApplicationScoped
@Transactional
public class WebhookEndpoints {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, url, CAST(event_types AS text), active, description, created_at, "
            + "updated_at";

    /** An endpoint as the API shows it: everything but the secret. */
    public record StoredEndpoint(UUID id, String url, List<String> eventTypes, boolean active, String description,
            Instant createdAt, Instant updatedAt) {
    }

    /** A stored endpoint and, when one was generated or rotated just now, its secret (shown this once). */
    public record Saved(StoredEndpoint endpoint, String newSecret) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public List<StoredEndpoint> list() {
        return rows(entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id")
                .getResultList());
    }

    public Optional<StoredEndpoint> find(UUID id) {
        return rows(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?1")
                .setParameter(1, id).getResultList()).stream().findFirst();
    }

    /** Stores a new endpoint with the given secret, or a generated one (then returned in {@link Saved#newSecret}). */
    public Saved create(EndpointRequests.Endpoint endpoint) {
        UUID id = UUID.randomUUID();
        String secret = endpoint.secret() != null ? endpoint.secret() : WebhookSignature.newSecret(random);
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_endpoint (id, url, event_types, active, secret, description, created_at,
                            updated_at)
                        VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, NULLIF(?6, ''), ?7, ?7)""")
                .setParameter(1, id)
                .setParameter(2, endpoint.url())
                .setParameter(3, json(endpoint.eventTypes()))
                .setParameter(4, endpoint.active())
                .setParameter(5, secret)
                .setParameter(6, endpoint.description() == null ? "" : endpoint.description())
                .setParameter(7, now)
                .executeUpdate();
        return new Saved(find(id).orElseThrow(), endpoint.secret() == null ? secret : null);
    }

    /**
     * Replaces an endpoint's settings. The secret is kept unless a new one is given or rotation asked for (then the
     * generated secret is returned this once). Empty when there is no such endpoint.
     */
    public Optional<Saved> replace(UUID id, EndpointRequests.Endpoint endpoint) {
        String generated = endpoint.rotateSecret() ? WebhookSignature.newSecret(random) : null;
        String secret = generated != null ? generated : endpoint.secret();
        int updated = entityManager.createNativeQuery("""
                        UPDATE webhook_endpoint SET url = ?2, event_types = CAST(?3 AS jsonb), active = ?4,
                            secret = COALESCE(NULLIF(?5, ''), secret), description = NULLIF(?6, ''),
                            updated_at = ?7
                        WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, endpoint.url())
                .setParameter(3, json(endpoint.eventTypes()))
                .setParameter(4, endpoint.active())
                .setParameter(5, secret == null ? "" : secret) // '' keeps the current secret
                .setParameter(6, endpoint.description() == null ? "" : endpoint.description())
                .setParameter(7, clock.instant())
                .executeUpdate();
        if (updated == 0) {
            return Optional.empty();
        }
        return Optional.of(new Saved(find(id).orElseThrow(), generated));
    }

    /** Deletes the endpoint and its delivery log. */
    public boolean delete(UUID id) {
        return entityManager.createNativeQuery("DELETE FROM webhook_endpoint WHERE id = ?1")
                .setParameter(1, id).executeUpdate() == 1;
    }

    private List<StoredEndpoint> rows(List<?> rows) {
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new StoredEndpoint((UUID) r[0], (String) r[1], strings((String) r[2]), (Boolean) r[3],
                    (String) r[4], Timestamps.instant(r[5]), Timestamps.instant(r[6]));
        }).toList();
    }

    private String json(List<String> values) {
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }

    private List<String> strings(String json) {
        try {
            return objectMapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook_endpoint.event_types is not a JSON list", e);
        }
    }
}
