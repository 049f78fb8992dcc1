package dev.leadflow.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void retriesWhenTheDatabaseConnectionIsLost() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void retriesWhenTheServerShutsDownOrLosesARace() {
        assertThat(TransientFailures.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("serialization", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting"))).isTrue();
    }

    @Test
    void retriesACommitThatFailedWithoutADataError() {
        assertThat(TransientFailures.isTransient(new RollbackException("ARJUNA016053: Could not commit transaction.")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(
                (RollbackException) new RollbackException("commit").initCause(new SQLException("I/O error", "08006")))))
                .isTrue();
    }

    @Test
    void deadLettersACommitRefusedByTheData() {
        assertThat(TransientFailures.isTransient(
                new RollbackException("commit").initCause(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(
                new RollbackException("commit").initCause(new PoisonEventException("bad")))).isFalse();
    }

    @Test
    void deadLettersWhatARetryCannotFix() {
        assertThat(TransientFailures.isTransient(new PoisonEventException("missing leadId"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(
                new RuntimeException("wrapped", new PoisonEventException("bad")))).isFalse();
    }
}
