package dev.leadflow.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockOrderTest {

    /** A record of a batch: its key and its offset in the partition. */
    private record Rec(String key, int offset) {
    }

    @Test
    void ordersABatchByKeySoEveryTransactionLocksLeadsInTheSameOrder() {
        List<Rec> batch = new ArrayList<>(List.of(new Rec("c", 0), new Rec("a", 1), new Rec("b", 2)));

        EventConsumer.inLockOrder(batch, Rec::key);

        assertEquals(List.of("a", "b", "c"), batch.stream().map(Rec::key).toList());
    }

    @Test
    void keepsTheRecordsOfOneKeyInPartitionOrder() {
        List<Rec> batch = new ArrayList<>(List.of(new Rec("b", 0), new Rec("a", 1), new Rec("b", 2), new Rec("a", 3),
                new Rec("b", 4), new Rec("a", 5)));

        EventConsumer.inLockOrder(batch, Rec::key);

        assertEquals(List.of(new Rec("a", 1), new Rec("a", 3), new Rec("a", 5), new Rec("b", 0), new Rec("b", 2),
                new Rec("b", 4)), batch);
    }

    @Test
    void twoBatchesOfTheSameKeysInOppositeOrdersEndInTheSameOrder() {
        List<Rec> one = new ArrayList<>(Arrays.asList(new Rec("x", 0), new Rec("y", 1)));
        List<Rec> other = new ArrayList<>(Arrays.asList(new Rec("y", 7), new Rec("x", 8)));

        EventConsumer.inLockOrder(one, Rec::key);
        EventConsumer.inLockOrder(other, Rec::key);

        assertEquals(one.stream().map(Rec::key).toList(), other.stream().map(Rec::key).toList());
    }

    @Test
    void putsRecordsWithoutAKeyFirstInTheirOwnOrder() {
        List<Rec> batch = new ArrayList<>(Arrays.asList(new Rec("a", 0), new Rec(null, 1), new Rec(null, 2)));

        EventConsumer.inLockOrder(batch, Rec::key);

        assertEquals(List.of(new Rec(null, 1), new Rec(null, 2), new Rec("a", 0)), batch);
    }
}
