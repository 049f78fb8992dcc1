package dev.leadflow.reporting.lifecycle.repository;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate prepares on the current thread while a test asks it to, so a test can see exactly which
 * statements one projection costs. Other threads (the Kafka consumers) are not recorded.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementLog implements StatementInspector {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> statements = recording.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }

    /** Runs {@code action} on this thread and returns the statements it prepared, in order. */
    public List<String> during(Runnable action) {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            action.run();
        } finally {
            recording.remove();
        }
        return statements;
    }
}
