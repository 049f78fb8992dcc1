package dev.leadflow.capture.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.CaptureConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Idempotency keys in Redis under {@code capture:idem:<scope>:<key>}. Redis is a convenience here, never the
 * record of what was captured: when it cannot be reached, requests run unprotected and the email identity in
 * PostgreSQL still gives a retried lead the same leadId.
 */
@ApplicationScoped
class IdempotencyStore {

    static final String KEY_PREFIX = "capture:idem:";
    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper objectMapper;
    private final CaptureConfig.Idempotency config;

    IdempotencyStore(ReactiveRedisDataSource redis, ObjectMapper objectMapper, CaptureConfig config) {
        this.redis = redis;
        this.objectMapper = objectMapper;
        this.config = config.idempotency();
    }

    /** Claims {@code key} for the request with {@code fingerprint}, or tells why it must not run. */
    Claim claim(String scope, String key, String fingerprint) {
        String redisKey = KEY_PREFIX + scope + ":" + key;
        try {
            // SET NX is the atomic "first one wins"; the claim expires in case this process dies mid-request.
            if (set(redisKey, new IdempotencyRecord(fingerprint, null), config.claimTtl(), true)) {
                return new Claim.Fresh();
            }
            Response existing = redis.execute("GET", redisKey).await().atMost(config.redisTimeout());
            if (existing == null) {
                return new Claim.InProgress(); // expired between SET and GET: the client may simply retry
            }
            IdempotencyRecord record = objectMapper.readValue(existing.toString(), IdempotencyRecord.class);
            if (!record.fingerprint().equals(fingerprint)) {
                return new Claim.KeyReused();
            }
            return record.answer() == null ? new Claim.InProgress() : new Claim.Replay(record.answer());
        } catch (RuntimeException | JsonProcessingException e) {
            warnUnavailable("checking", e);
            return new Claim.Unavailable();
        }
    }

    /** Remembers the answer given to the request that claimed {@code key}. */
    void complete(String scope, String key, String fingerprint, Answer answer) {
        try {
            set(KEY_PREFIX + scope + ":" + key, new IdempotencyRecord(fingerprint, answer), config.ttl(), false);
        } catch (RuntimeException e) {
            warnUnavailable("storing the answer of", e);
        }
    }

    /** Frees {@code key} after its request failed, so the client can retry it. */
    void release(String scope, String key) {
        try {
            redis.execute("DEL", KEY_PREFIX + scope + ":" + key).await().atMost(config.redisTimeout());
        } catch (RuntimeException e) {
            warnUnavailable("releasing", e);
        }
    }

    private boolean set(String redisKey, IdempotencyRecord record, Duration ttl, boolean onlyIfAbsent) {
        String value;
        try {
            value = objectMapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An idempotency record is always serialisable", e);
        }
        String millis = Long.toString(ttl.toMillis());
        Response reply = onlyIfAbsent
                ? redis.execute("SET", redisKey, value, "PX", millis, "NX").await().atMost(config.redisTimeout())
                : redis.execute("SET", redisKey, value, "PX", millis).await().atMost(config.redisTimeout());
        return reply != null; // SET NX answers nil when the key exists
    }

    private static void warnUnavailable(String action, Exception e) {
        // The key and the request stay out of the log: they may be derived from personal data.
        LOG.warnf("Redis unavailable while %s an idempotency key; processing without replay protection (%s: %s)",
                action, e.getClass().getSimpleName(), e.getMessage());
    }
}
