package dev.leadflow.capture.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The registered forms, table {@code form_definition}. Each method is one auto-committed statement; a database
 * failure surfaces as {@link FormStoreException} with the {@link SQLException} as cause (so a lost connection is
 * answered 503, as for leads).
 */
@ApplicationScoped
class FormRepository {

    private static final String COLUMNS = "form_id, definition::text AS definition, version, updated_at";

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    FormRepository(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    List<RegisteredForm> all() {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM form_definition ORDER BY form_id");
                    ResultSet rows = select.executeQuery()) {
                List<RegisteredForm> forms = new ArrayList<>();
                while (rows.next()) {
                    forms.add(form(rows));
                }
                return forms;
            }
        });
    }

    Optional<RegisteredForm> find(String formId) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM form_definition WHERE form_id = ?")) {
                select.setString(1, formId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(form(row)) : Optional.empty();
                }
            }
        });
    }

    /** Creates the form, or replaces it as its next version. */
    Saved put(FormDefinition form) {
        return run(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO form_definition (form_id, definition) VALUES (?, ?::jsonb)
                    ON CONFLICT (form_id) DO UPDATE SET definition = EXCLUDED.definition,
                        version = form_definition.version + 1, updated_at = clock_timestamp()
                    RETURNING version, updated_at, (xmax = 0) AS created""")) {
                upsert.setString(1, form.formId());
                upsert.setString(2, document(form));
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return new Saved(new RegisteredForm(form, row.getLong("version"),
                            row.getObject("updated_at", OffsetDateTime.class).toInstant()), row.getBoolean("created"));
                }
            }
        });
    }

    /** Creates the form unless one with its formId exists, which is left as it is; true when created. */
    boolean createIfAbsent(FormDefinition form) {
        return run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO form_definition (form_id, definition) VALUES (?, ?::jsonb)
                    ON CONFLICT (form_id) DO NOTHING""")) {
                insert.setString(1, form.formId());
                insert.setString(2, document(form));
                return insert.executeUpdate() == 1;
            }
        });
    }

    boolean delete(String formId) {
        return run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM form_definition WHERE form_id = ?")) {
                delete.setString(1, formId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private <T> T run(Statement<T> statement) {
        try (Connection connection = dataSource.getConnection()) {
            return statement.run(connection);
        } catch (SQLException e) {
            throw new FormStoreException(e);
        }
    }

    private String document(FormDefinition form) {
        try {
            return objectMapper.writeValueAsString(FormView.of(form, null, null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RegisteredForm form(ResultSet row) throws SQLException {
        try {
            FormView stored = objectMapper.readValue(row.getString("definition"), FormView.class);
            return new RegisteredForm(stored.definition(), row.getLong("version"),
                    row.getObject("updated_at", OffsetDateTime.class).toInstant());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A stored form, and whether it was new. */
    record Saved(RegisteredForm form, boolean created) {
    }

    /** The form store could not be read or written. */
    static final class FormStoreException extends RuntimeException {
        FormStoreException(SQLException cause) {
            super("The form store failed", cause);
        }
    }
}
