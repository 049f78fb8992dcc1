package dev.leadflow.capture.abuse;

import dev.leadflow.capture.CaptureConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Rate-limit counters in Redis, shared by every capture instance. One Lua script checks and spends all budgets of
 * a request atomically, in one round trip: a refused request spends nothing, so a client over its own limit does
 * not eat the form's budget. Redis is a safeguard here, not the record: when it cannot be reached, requests are
 * admitted uncounted (fail open) and Redis is asked again only after {@code redis-retry-interval}, so an outage
 * neither slows every request by the timeout nor floods the log.
 */
@ApplicationScoped
class RateLimitStore {

    /**
     * KEYS: the budgets; ARGV[1]: the window in ms, ARGV[2]: the cost of the request, ARGV[2 + i]: the limit of
     * KEYS[i]. Returns {0, 0} when admitted, else {i, ms until the window of KEYS[i] ends}.
     */
    private static final String SCRIPT = """
            local window = tonumber(ARGV[1])
            local cost = tonumber(ARGV[2])
            for i, key in ipairs(KEYS) do
              local used = tonumber(redis.call('GET', key) or '0')
              if used >= tonumber(ARGV[i + 2]) then
                local ttl = redis.call('PTTL', key)
                if ttl < 0 then
                  redis.call('PEXPIRE', key, window)
                  ttl = window
                end
                return {i, ttl}
              end
            end
            for _, key in ipairs(KEYS) do
              if redis.call('INCRBY', key, cost) == cost then
                redis.call('PEXPIRE', key, window)
              end
            end
            return {0, 0}
            """;
    private static final Logger LOG = Logger.getLogger(RateLimitStore.class);

    private final ReactiveRedisDataSource redis;
    private final CaptureConfig.RateLimit config;
    /** {@link System#nanoTime()} before which Redis is not asked; 0 (never a deadline set here) while it answers. */
    private final AtomicLong unavailableUntil = new AtomicLong();

    RateLimitStore(ReactiveRedisDataSource redis, CaptureConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /** The first budget that is used up, with the time until its window ends; empty when admitted (and spent). */
    Optional<Refusal> spend(List<Budget> budgets, int cost) {
        long skipUntil = unavailableUntil.get();
        if (skipUntil != 0 && System.nanoTime() - skipUntil < 0) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(List.of("EVAL", SCRIPT, Integer.toString(budgets.size())));
        budgets.forEach(budget -> args.add(budget.key()));
        args.add(Long.toString(config.window().toMillis()));
        args.add(Integer.toString(cost));
        budgets.forEach(budget -> args.add(Integer.toString(budget.limit())));
        Response reply;
        try {
            reply = redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new))
                    .await().atMost(config.redisTimeout());
        } catch (RuntimeException e) {
            unavailable(skipUntil, e);
            return Optional.empty();
        }
        if (skipUntil != 0 && unavailableUntil.compareAndSet(skipUntil, 0)) {
            LOG.info("Redis answers again; rate limits are enforced again");
        }
        int exceeded = reply.get(0).toInteger();
        return exceeded == 0 ? Optional.empty()
                : Optional.of(new Refusal(budgets.get(exceeded - 1), Duration.ofMillis(reply.get(1).toLong())));
    }

    private void unavailable(long seenSkipUntil, RuntimeException e) {
        long next = System.nanoTime() + config.redisRetryInterval().toNanos();
        // Of the requests failing together, only the one that moves the deadline logs: one line per interval.
        if (unavailableUntil.compareAndSet(seenSkipUntil, next == 0 ? 1 : next)) { // 0 would mean "answers"
            LOG.warnf("Redis unavailable for rate limits; admitting requests uncounted for %d ms (%s: %s)",
                    config.redisRetryInterval().toMillis(), e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** A used-up budget and how long until its window ends. */
    record Refusal(Budget budget, Duration retryAfter) {
    }
}
