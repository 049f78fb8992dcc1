package dev.leadflow.capture.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.DevStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No email, name or phone number a visitor submitted may appear in any log line: every record of every logger of
 * the running service is captured (with the messages of attached exceptions, and Leadflow's own debug output) while
 * valid, invalid and malformed leads with distinctive values are submitted, also while Redis and PostgreSQL are
 * down, so the warning and error paths speak too.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class PersonalDataInLogsTest {

    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger LEADFLOW = Logger.getLogger("dev.leadflow");

    @Inject
    EntityManager entityManager;

    private final CapturedLog log = new CapturedLog();
    private final List<String> personalData = new ArrayList<>();
    private Level leadflowLevel;

    @BeforeEach
    void captureEveryLogRecord() {
        ROOT.addHandler(log);
        leadflowLevel = LEADFLOW.getLevel();
        LEADFLOW.setLevel(Level.FINE);
    }

    @AfterEach
    void stopCapturing() {
        ROOT.removeHandler(log);
        LEADFLOW.setLevel(leadflowLevel);
    }

    @Test
    void logsNoSubmittedEmailNameOrPhoneOnAnyPath() {
        Person valid = newPerson();
        json(valid.lead()).post("/api/v1/leads").then().statusCode(202);
        json(valid.lead()).header("Idempotency-Key", "pii-" + UUID.randomUUID()).post("/api/v1/leads")
                .then().statusCode(202);
        Person returning = new Person(valid.email().toUpperCase(Locale.ROOT), valid.firstName(), valid.lastName(),
                valid.phone());
        json(returning.lead()).post("/api/v1/leads").then().statusCode(202);

        Person form = newPerson();
        given().contentType(ContentType.URLENC).formParams(form.lead())
                .post("/api/v1/leads").then().statusCode(202);

        Person invalid = newPerson();
        json(Map.of("email", invalid.email() + "@", "formId", "demo", "firstName", invalid.firstName(),
                "lastName", invalid.lastName(), "phone", invalid.phone() + "999999999"))
                .post("/api/v1/leads").then().statusCode(400);
        Person malformed = newPerson();
        given().contentType(ContentType.JSON).body("{\"email\": \"" + malformed.email() + "\", \"firstName\": \""
                + malformed.firstName() + "\", \"phone\": " + malformed.phone()).post("/api/v1/leads")
                .then().statusCode(400);
        Person reused = newPerson();
        String key = "pii-" + UUID.randomUUID();
        json(reused.lead()).header("Idempotency-Key", key).post("/api/v1/leads").then().statusCode(202);
        Map<String, String> changed = new HashMap<>(reused.lead());
        changed.put("company", "Other " + reused.lastName());
        json(changed).header("Idempotency-Key", key).post("/api/v1/leads").then().statusCode(422);

        Person withoutRedis = newPerson();
        var redis = DevStackTestResource.shared().redis();
        redis.stop();
        try {
            json(withoutRedis.lead()).header("Idempotency-Key", "pii-" + UUID.randomUUID()).post("/api/v1/leads")
                    .then().statusCode(202);
        } finally {
            redis.start();
        }

        Person withoutDatabase = newPerson();
        var postgres = DevStackTestResource.shared().postgres();
        postgres.stop();
        try {
            json(withoutDatabase.lead()).post("/api/v1/leads").then().statusCode(503);
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(withoutDatabase.lead()).post("/api/v1/leads").statusCode() == 202);
        await().atMost(Duration.ofSeconds(30)).until(this::outboxDrained);

        personalData.addAll(List.of(valid.email(), form.email(), invalid.email(), malformed.email(), reused.email(),
                withoutRedis.email(), withoutDatabase.email()));
        for (Person person : List.of(valid, form, invalid, malformed, reused, withoutRedis, withoutDatabase)) {
            personalData.addAll(List.of(person.firstName(), person.lastName(), person.phone(), person.e164()));
        }
        assertThat(log.lines()).as("log records captured").hasSizeGreaterThan(3);
        assertThat(log.lines()).as("records from Redis and PostgreSQL being down")
                .anyMatch(line -> line.contains("Redis unavailable"))
                .anyMatch(line -> line.contains("transient reason"));
        for (String line : log.lines()) {
            String lower = line.toLowerCase(Locale.ROOT);
            assertThat(personalData).as("personal data in the log line: " + line)
                    .noneMatch(value -> lower.contains(value.toLowerCase(Locale.ROOT)));
        }
    }

    private boolean outboxDrained() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult()).longValue()) == 0;
    }

    private static RequestSpecification json(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    /** Values no log line could hold by chance: random names, a unique address, a unique UK number. */
    private static Person newPerson() {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String digits = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return new Person("pii." + token + "@example.com", "Quirinia" + token.substring(0, 5),
                "Vandermolen" + token.substring(5), "+44 20 7946 0" + digits);
    }

    private record Person(String email, String firstName, String lastName, String phone) {
        Map<String, String> lead() {
            return Map.of("email", email, "formId", "demo", "firstName", firstName, "lastName", lastName,
                    "phone", phone, "company", "Company of " + lastName);
        }

        /** The phone as published ({@code +442079460123}). */
        String e164() {
            return phone.replace(" ", "");
        }
    }

    /** Every record handed to the root logger, as text: the formatted message and each exception's message. */
    private static final class CapturedLog extends Handler {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
                    .append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown);
                for (Throwable suppressed : thrown.getSuppressed()) {
                    line.append(" | ").append(suppressed);
                }
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            return lines;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
