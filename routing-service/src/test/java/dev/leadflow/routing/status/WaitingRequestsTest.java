package dev.leadflow.routing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.routing.status.WaitingRequests.Waiter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitingRequestsTest {

    private static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_LEAD = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private final WaitingRequests<String> waiting = new WaitingRequests<>(10);

    @Test
    void holdsARegisteredRequestUnanswered() {
        Waiter<String> waiter = waiting.register(LEAD).orElseThrow();

        assertThat(waiter.leadId()).isEqualTo(LEAD);
        assertThat(waiter.answer().toCompletableFuture()).isNotDone();
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.waitingLeads()).containsExactly(LEAD);
    }

    @Test
    void answersEveryRequestWaitingForTheLeadAndNoOther() {
        Waiter<String> first = waiting.register(LEAD).orElseThrow();
        Waiter<String> second = waiting.register(LEAD).orElseThrow();
        Waiter<String> other = waiting.register(OTHER_LEAD).orElseThrow();

        assertThat(waiting.answer(LEAD, "alice")).isEqualTo(2);

        assertThat(first.answer().toCompletableFuture()).isCompletedWithValue("alice");
        assertThat(second.answer().toCompletableFuture()).isCompletedWithValue("alice");
        assertThat(other.answer().toCompletableFuture()).isNotDone();
        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.waitingLeads()).containsExactly(OTHER_LEAD);
    }

    @Test
    void answersNobodyForALeadNobodyWaitsFor() {
        Waiter<String> other = waiting.register(OTHER_LEAD).orElseThrow();

        assertThat(waiting.answer(LEAD, "alice")).isZero();

        assertThat(other.answer().toCompletableFuture()).isNotDone();
        assertThat(waiting.size()).isEqualTo(1);
    }

    @Test
    void answersARequestOnlyOnce() {
        Waiter<String> waiter = waiting.register(LEAD).orElseThrow();
        waiting.answer(LEAD, "alice");

        assertThat(waiting.answer(LEAD, "bob")).isZero();

        assertThat(waiter.answer().toCompletableFuture()).isCompletedWithValue("alice");
    }

    @Test
    void withdrawsATimedOutRequestSoALaterRoutingNoLongerReachesIt() {
        Waiter<String> timedOut = waiting.register(LEAD).orElseThrow();
        Waiter<String> stillWaiting = waiting.register(LEAD).orElseThrow();

        assertThat(waiting.withdraw(timedOut)).isTrue();

        assertThat(waiting.size()).isEqualTo(1);
        assertThat(waiting.answer(LEAD, "alice")).isEqualTo(1);
        assertThat(timedOut.answer().toCompletableFuture()).isNotDone();
        assertThat(stillWaiting.answer().toCompletableFuture()).isCompletedWithValue("alice");
    }

    @Test
    void forgetsALeadOnceItsLastRequestIsWithdrawn() {
        Waiter<String> waiter = waiting.register(LEAD).orElseThrow();

        waiting.withdraw(waiter);

        assertThat(waiting.waitingLeads()).isEmpty();
        assertThat(waiting.size()).isZero();
    }

    @Test
    void withdrawsNothingThatWasAlreadyAnsweredOrWithdrawn() {
        Waiter<String> answered = waiting.register(LEAD).orElseThrow();
        Waiter<String> withdrawn = waiting.register(OTHER_LEAD).orElseThrow();
        waiting.answer(LEAD, "alice");
        waiting.withdraw(withdrawn);

        assertThat(waiting.withdraw(answered)).isFalse();
        assertThat(waiting.withdraw(withdrawn)).isFalse();
        assertThat(waiting.size()).isZero();
    }

    @Test
    void refusesRequestsBeyondItsCapacityUntilOneIsAnsweredOrWithdrawn() {
        WaitingRequests<String> small = new WaitingRequests<>(2);
        Waiter<String> first = small.register(LEAD).orElseThrow();
        small.register(OTHER_LEAD).orElseThrow();

        assertThat(small.register(UUID.randomUUID())).isEmpty();
        assertThat(small.register(LEAD)).isEmpty();
        assertThat(small.size()).isEqualTo(2);

        small.withdraw(first);
        assertThat(small.register(UUID.randomUUID())).isPresent();
        assertThat(small.register(UUID.randomUUID())).isEmpty();

        small.answer(OTHER_LEAD, "bob");
        assertThat(small.register(UUID.randomUUID())).isPresent();
    }

    @Test
    void holdsNothingWithCapacityZero() {
        assertThat(new WaitingRequests<String>(0).register(LEAD)).isEmpty();
    }

    @Test
    void rejectsANegativeCapacity() {
        assertThatThrownBy(() -> new WaitingRequests<String>(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 0, was -1");
    }

    @Test
    void answersEveryHeldRequestWithItsLeadsAnswerOnClose() {
        Waiter<String> first = waiting.register(LEAD).orElseThrow();
        Waiter<String> second = waiting.register(LEAD).orElseThrow();
        Waiter<String> other = waiting.register(OTHER_LEAD).orElseThrow();
        Waiter<String> withdrawn = waiting.register(OTHER_LEAD).orElseThrow();
        waiting.withdraw(withdrawn);
        Map<UUID, String> known = Map.of(LEAD, "alice");

        int answered = waiting.close(leadId -> known.getOrDefault(leadId, "unrouted"));

        assertThat(answered).isEqualTo(3);
        assertThat(first.answer().toCompletableFuture()).isCompletedWithValue("alice");
        assertThat(second.answer().toCompletableFuture()).isCompletedWithValue("alice");
        assertThat(other.answer().toCompletableFuture()).isCompletedWithValue("unrouted");
        assertThat(withdrawn.answer().toCompletableFuture()).isNotDone();
        assertThat(waiting.size()).isZero();
        assertThat(waiting.waitingLeads()).isEmpty();
    }

    @Test
    void refusesNewRequestsOnceClosed() {
        waiting.close(leadId -> "unrouted");

        assertThat(waiting.register(LEAD)).isEmpty();
        assertThat(waiting.close(leadId -> "unrouted")).isZero();
    }

    @Test
    void answersEachOfManyConcurrentRequestsExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 500;
        WaitingRequests<String> shared = new WaitingRequests<>(threads * perThread);
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            leads.add(UUID.randomUUID());
        }
        List<CompletableFuture<String>> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger withdrawn = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Waiter<String> waiter = shared.register(leads.get((offset + i) % leads.size())).orElseThrow();
                        if (i % 3 == 0 && shared.withdraw(waiter)) {
                            withdrawn.incrementAndGet();
                        } else {
                            answers.add(waiter.answer().toCompletableFuture());
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 200; round++) {
                    leads.forEach(lead -> shared.answer(lead, "routed"));
                }
                return null;
            }));
            start.countDown();
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int stillHeld = shared.size();
        int closed = shared.close(leadId -> "closed");

        assertThat(closed).isEqualTo(stillHeld);
        assertThat(withdrawn.get() + answers.size()).isEqualTo(threads * perThread);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isDone());
        assertThat(answers.stream().filter(answer -> answer.join().equals("closed")).count()).isEqualTo(closed);
        assertThat(shared.size()).isZero();
        assertThat(shared.waitingLeads()).isEmpty();
    }
}
