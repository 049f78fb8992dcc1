package dev.leadflow.routing.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The requests held until their lead is routed, by lead id, at most {@code capacity} at once. Each is answered exactly
 * once: by {@link #answer} (a routing decision), {@link #withdraw} (its time is up or its client left) or
 * {@link #close} (shutdown). Thread-safe: one lock guards the index; answers are delivered outside it, so the code
 * that writes a response never runs under the lock.
 *
 * @param <A> the answer a waiting request receives
 */
public final class WaitingRequests<A> {

    private final int capacity;
    private final Map<UUID, List<Waiter<A>>> byLead = new HashMap<>();
    private int size;
    private boolean closed;

    /** @param capacity the most requests held at once; 0 holds none */
    public WaitingRequests(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** A request waiting for {@code leadId}'s routing, or empty when {@code capacity} are already held or closed. */
    public synchronized Optional<Waiter<A>> register(UUID leadId) {
        if (closed || size >= capacity) {
            return Optional.empty();
        }
        Waiter<A> waiter = new Waiter<>(leadId);
        byLead.computeIfAbsent(leadId, lead -> new ArrayList<>(1)).add(waiter);
        size++;
        return Optional.of(waiter);
    }

    /** Answers every request waiting for {@code leadId} with {@code answer}; returns how many there were. */
    public int answer(UUID leadId, A answer) {
        List<Waiter<A>> answered;
        synchronized (this) {
            answered = byLead.remove(leadId);
            if (answered == null) {
                return 0;
            }
            size -= answered.size();
        }
        answered.forEach(waiter -> waiter.answer.complete(answer));
        return answered.size();
    }

    /**
     * Stops holding {@code waiter} without answering it (its caller answers: time is up, or nobody listens any more).
     * Returns false when it was no longer held (already answered).
     */
    public synchronized boolean withdraw(Waiter<A> waiter) {
        List<Waiter<A>> waiters = byLead.get(waiter.leadId);
        if (waiters == null || !waiters.remove(waiter)) {
            return false;
        }
        if (waiters.isEmpty()) {
            byLead.remove(waiter.leadId);
        }
        size--;
        return true;
    }

    /** The leads at least one request waits for, as of now. */
    public synchronized Set<UUID> waitingLeads() {
        return Set.copyOf(byLead.keySet());
    }

    /** How many requests are held. */
    public synchronized int size() {
        return size;
    }

    /** Refuses new requests from now on and answers every held one with {@code answerFor(leadId)}; returns how many. */
    public int close(Function<UUID, A> answerFor) {
        Map<UUID, List<Waiter<A>>> held;
        synchronized (this) {
            closed = true;
            held = Map.copyOf(byLead);
            byLead.clear();
            size = 0;
        }
        held.forEach((leadId, waiters) -> {
            A answer = answerFor.apply(leadId);
            waiters.forEach(waiter -> waiter.answer.complete(answer));
        });
        return held.values().stream().mapToInt(List::size).sum();
    }

    /** One held request: completed with its answer once, unless withdrawn. */
    public static final class Waiter<A> {

        private final UUID leadId;
        private final CompletableFuture<A> answer = new CompletableFuture<>();

        private Waiter(UUID leadId) {
            this.leadId = leadId;
        }

        public UUID leadId() {
            return leadId;
        }

        /** Completes when the request is answered by a routing or at close; never when withdrawn. */
        public CompletionStage<A> answer() {
            return answer;
        }
    }
}
