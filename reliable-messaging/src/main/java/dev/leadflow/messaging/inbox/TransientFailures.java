package dev.leadflow.messaging.inbox;

import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures worth retrying (the database is down, restarting, overloaded, or a transaction lost a race)
 * from failures a retry cannot fix, which go to the dead-letter topic instead.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes that mean "try again": connection errors, shutdown, resources, races. */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P", "40001", "40P01", "55P03");

    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        boolean commitFailed = false;
        boolean refusedByData = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            commitFailed |= t instanceof RollbackException;
            refusedByData |= t instanceof SQLException sql && sql.getSQLState() != null && !isTransientSqlState(sql.getSQLState());
        }
        // A commit that failed without a data error behind it lost its connection (the fault suite saw one while
        // PostgreSQL restarted); whether it committed or not, a retry is safe: the inbox skips what committed.
        if (commitFailed && !refusedByData) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || TRANSIENT_CLASS_NAMES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientSqlState(String state) {
        return state != null && TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(state::startsWith);
    }
}
