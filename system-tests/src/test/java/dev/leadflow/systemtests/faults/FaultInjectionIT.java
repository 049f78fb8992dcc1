package dev.leadflow.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.Topics;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.systemtests.LeadflowSystem;
import dev.leadflow.systemtests.LeadflowSystem.ServiceProcess;
import dev.leadflow.systemtests.faults.LeadTraffic.Submission;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Nothing lost, nothing doubled", proven on the running system: the real stack and the five services as separate
 * processes, a steady stream of leads and touchpoints over HTTP, and one fault per scenario while it flows. Each
 * scenario is judged from the outside (HTTP answers, Kafka topics, the reporting API) by {@link ScenarioVerdict};
 * the table of every scenario is printed at the end and written to {@code target/fault-injection-report.md}.
 */
class FaultInjectionIT {

    private static final FaultProfile PROFILE = FaultProfile.fromSystemProperties();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Each consumed topic, the type its consumers expect, and how many services consume it. */
    private static final Map<String, ConsumedTopic> CONSUMED = Map.of(
            Topics.LEADS_CAPTURED, new ConsumedTopic(LeadCaptured.TYPE, 3),
            Topics.LEADS_TOUCHPOINTS, new ConsumedTopic(TouchpointRecorded.TYPE, 2),
            Topics.LEADS_SCORED, new ConsumedTopic(LeadScored.TYPE, 1),
            Topics.LEADS_QUALIFIED, new ConsumedTopic(LeadQualified.TYPE, 2),
            // reporting, and routing's webhook delivery (a consumer group of its own)
            Topics.LEADS_ROUTED, new ConsumedTopic(LeadRouted.TYPE, 2),
            Topics.LEADS_SLA_BREACHED, new ConsumedTopic(LeadSlaBreached.TYPE, 2),
            // reporting and routing (first contact, outcomes); scoring reads only the outcomes that recycle a lead
            Topics.CRM_ACTIVITIES, new ConsumedTopic(LeadContacted.TYPE, 2));

    private static final List<ReportRow> REPORT = new CopyOnWriteArrayList<>();
    /** Keys of the records the poison scenario wrote: the only ones any dead-letter topic may hold. */
    private static final Set<String> POISON_KEYS = ConcurrentHashMap.newKeySet();
    /** Every email, name and phone number the scenarios submitted: none may appear in any service's log. */
    private static final PersonalDataInLogs PERSONAL_DATA = new PersonalDataInLogs();
    private static LeadflowSystem system;

    @BeforeAll
    static void startSystem() {
        system = LeadflowSystem.start("faults");
    }

    @AfterAll
    static void stopSystemAndReport() throws IOException {
        if (system != null) {
            system.close(); // first, so every log is complete
        }
        String table = ReportRow.table(PROFILE, REPORT);
        System.out.println(table);
        Path report = Path.of("target/fault-injection-report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        if (system != null) {
            assertThat(PERSONAL_DATA.findIn(system.logDirectory(), 20))
                    .as("log lines of any service holding one of the " + PERSONAL_DATA.size()
                            + " emails, names and phone numbers submitted")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "kill -9 {0}-service mid-stream")
    @ValueSource(strings = {"capture", "scoring", "routing", "attribution", "reporting"})
    void serviceKilledMidStreamLosesAndDoublesNothing(String service) {
        ScenarioVerdict verdict = scenario("kill -9 " + service, () -> {
            List<Duration> recoveries = new ArrayList<>();
            for (int i = 0; i < PROFILE.repeats(); i++) {
                ServiceProcess process = system.service(service);
                process.kill();
                pause(Duration.ofSeconds(1));
                process.start();
                recoveries.add(process.awaitReady(PROFILE.recoveryBound()));
                pause(PROFILE.leadIn());
            }
            return recoveries;
        });
        if (!service.equals("capture")) {
            assertThat(verdict.unanswered()).as("only a dead capture-service leaves a request unanswered").isZero();
        }
    }

    @Test
    void brokerHardKilledThreeTimesInARowLosesAndDoublesNothing() {
        ReadinessWatch watch = new ReadinessWatch();
        scenario("kill -9 Kafka x3", () -> {
            List<Duration> recoveries = new ArrayList<>();
            for (int round = 0; round < 3 * PROFILE.repeats(); round++) {
                system.stack().kafka().kill();
                watch.observeWhile(Duration.ofSeconds(4));
                Instant restart = Instant.now();
                system.stack().kafka().start();
                Duration brokerUp = Duration.between(restart, Instant.now());
                system.awaitAllReady(PROFILE.recoveryBound());
                recoveries.add(Duration.between(restart, Instant.now()));
                System.out.printf("Kafka round %d: broker up in %.1f s, every service ready %.1f s after the restart%n",
                        round + 1, brokerUp.toMillis() / 1000.0, recoveries.get(round).toMillis() / 1000.0);
                pause(Duration.ofSeconds(3));
            }
            return recoveries;
        });
        assertThat(watch.sawDown("routing")).as("routing-service is not ready without its broker").isTrue();
        assertThat(watch.sawDown("scoring")).as("scoring-service is not ready without its broker").isTrue();
        assertThat(watch.sawDown("capture"))
                .as("capture-service keeps accepting leads into its outbox while the broker is down").isFalse();
    }

    @Test
    void postgresRestartLosesAndDoublesNothing() {
        ReadinessWatch watch = new ReadinessWatch();
        ScenarioVerdict verdict = scenario("restart PostgreSQL", () -> {
            List<Duration> recoveries = new ArrayList<>();
            for (int i = 0; i < PROFILE.repeats(); i++) {
                system.stack().postgres().stop();
                watch.observeWhile(Duration.ofSeconds(5));
                Instant restart = Instant.now();
                system.stack().postgres().start();
                system.awaitAllReady(PROFILE.recoveryBound());
                recoveries.add(Duration.between(restart, Instant.now()));
                pause(PROFILE.leadIn());
            }
            return recoveries;
        });
        assertThat(verdict.retriedAnswers()).as("capture answers 503 + Retry-After while it cannot make leads durable")
                .isPositive();
        assertThat(LeadflowSystem.SERVICES).allSatisfy(service ->
                assertThat(watch.sawDown(service)).as(service + "-service not ready without PostgreSQL").isTrue());
    }

    @Test
    void redisStoppedThirtySecondsLosesAndDoublesNothing() {
        ReadinessWatch watch = new ReadinessWatch();
        ScenarioVerdict verdict = scenario("stop Redis " + PROFILE.redisDown().toSeconds() + " s", () -> {
            system.stack().redis().stop();
            watch.observeWhile(PROFILE.redisDown());
            Instant restart = Instant.now();
            system.stack().redis().start();
            system.awaitAllReady(PROFILE.recoveryBound());
            return List.of(Duration.between(restart, Instant.now()));
        });
        assertThat(verdict.retriedAnswers()).as("intake needs no Redis: no lead waits for it").isZero();
        assertThat(watch.sawDown("capture")).as("capture-service stays ready without Redis").isFalse();
    }

    @Test
    void extraScoringAndRoutingInstancesJoiningAndLeavingLoseAndDoubleNothing() {
        scenario("2nd scoring + routing join, leave", () -> {
            List<Duration> recoveries = new ArrayList<>();
            for (int i = 0; i < PROFILE.repeats(); i++) {
                ServiceProcess scoring = system.startExtraInstance("scoring");
                ServiceProcess routing = system.startExtraInstance("routing");
                recoveries.add(scoring.awaitReady(PROFILE.recoveryBound()));
                recoveries.add(routing.awaitReady(PROFILE.recoveryBound()));
                pause(PROFILE.leadOut());
                scoring.stop();
                routing.stop();
                pause(PROFILE.leadIn());
            }
            return recoveries;
        });
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonAndThePartitionsKeepFlowing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> poisonKeys = new LinkedHashMap<>();
        scenario("poison on every consumed topic", () -> {
            CONSUMED.forEach((topic, consumed) -> {
                for (Poison poison : Poison.values()) {
                    // One key per partition-spread: keyed like a lead, so leads sent after it share its partition.
                    String key = UUID.nameUUIDFromBytes((run + topic + poison).getBytes()).toString();
                    poisonKeys.put(key, topic + " " + poison);
                    POISON_KEYS.add(key);
                    KafkaTopics.send(system.kafkaBootstrapServers(), topic, key, poison.payload(),
                            poison.ceType(consumed.type()), UUID.randomUUID().toString());
                }
            });
            return List.of();
        });

        for (Map.Entry<String, ConsumedTopic> topic : CONSUMED.entrySet()) {
            String dlq = topic.getKey() + Topics.DEAD_LETTER_SUFFIX;
            for (Poison poison : Poison.values()) {
                String key = UUID.nameUUIDFromBytes((run + topic.getKey() + poison).getBytes()).toString();
                List<ConsumerRecord<String, String>> dead = awaitRecords(dlq, key, topic.getValue().consumers());
                assertThat(dead).as(poisonKeys.get(key) + ": dead-lettered once by each consumer")
                        .hasSize(topic.getValue().consumers());
                assertThat(dead).allSatisfy(record -> assertThat(KafkaTopics.header(record, "dead-letter-reason"))
                        .as(poisonKeys.get(key) + " reason").contains(poison.reasonMentions()));
            }
        }
    }

    /** Runs traffic, injects the fault, lets traffic run on, then waits for the topics and judges. */
    private static ScenarioVerdict scenario(String name, Supplier<List<Duration>> fault) {
        String tag = "f" + UUID.randomUUID().toString().substring(0, 6);
        List<Submission> submissions;
        List<Duration> recoveries;
        try (LeadTraffic traffic = new LeadTraffic(system.url("capture"), tag, PROFILE.ratePerSecond(),
                PROFILE.giveUpAfter())) {
            traffic.start();
            pause(PROFILE.leadIn());
            recoveries = fault.get();
            pause(PROFILE.leadOut());
            submissions = traffic.stop();
            PERSONAL_DATA.add(traffic.tag(), traffic.personalData());
        }
        Instant deadline = Instant.now().plus(PROFILE.settle());
        ScenarioVerdict verdict = ScenarioVerdict.judge(name, submissions, TopicLedger.read(system.kafkaBootstrapServers()));
        while (!verdict.settled() && Instant.now().isBefore(deadline)) {
            pause(Duration.ofSeconds(2));
            verdict = ScenarioVerdict.judge(name, submissions, TopicLedger.read(system.kafkaBootstrapServers()));
        }
        double recovery = recoveries.stream().mapToDouble(d -> d.toMillis() / 1000.0).max().orElse(0);
        REPORT.add(new ReportRow(verdict, recovery));

        assertThat(verdict.problems()).as(name).isEmpty();
        assertThat(verdict.lost()).as(name + ": lost").isZero();
        assertThat(verdict.duplicated()).as(name + ": duplicated").isZero();
        assertThat(verdict.routed()).as(name + ": every qualified lead routed").isEqualTo(verdict.qualified());
        assertThat(verdict.qualified()).as(name + ": every qualifying lead qualified").isEqualTo(verdict.qualifying());
        assertThat(recoveries).as(name + ": ready again within the bound")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(PROFILE.recoveryBound()));
        assertReportingMatchesTopics(deadline);
        assertThat(deadLetteredExceptPoison()).as(name + ": dead-lettered although not poison (a transient failure"
                + " or a shutdown must never dead-letter an event)").isEmpty();
        return verdict;
    }

    /** The funnel counts every lead in every stage it reached; recount that from the topics. */
    private static void assertReportingMatchesTopics(Instant deadline) {
        Map<String, Integer> recount;
        Map<String, Integer> reported;
        do {
            TopicLedger ledger = TopicLedger.read(system.kafkaBootstrapServers());
            Set<UUID> routed = new HashSet<>(ledger.routed.keySet());
            Set<UUID> qualified = new HashSet<>(ledger.qualified.keySet());
            qualified.addAll(routed);
            Set<UUID> scored = new HashSet<>(ledger.scored.keySet());
            scored.addAll(qualified);
            Set<UUID> captured = new HashSet<>(ledger.captured.keySet());
            captured.addAll(scored);
            recount = Map.of("captured", captured.size(), "scored", scored.size(), "qualified", qualified.size(),
                    "routed", routed.size());
            reported = funnelCounts();
            if (recount.equals(reported)) {
                return;
            }
            pause(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(deadline.plusSeconds(30)));
        assertThat(reported).as("reporting's funnel against a recount of the topics").isEqualTo(recount);
    }

    private static Map<String, Integer> funnelCounts() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    system.url("reporting").resolve("/api/v1/reports/funnel"))
                    .header("Authorization", "Bearer " + system.viewerToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode counts = JSON.readTree(response.body()).path("counts");
            return Map.of("captured", counts.path("captured").asInt(), "scored", counts.path("scored").asInt(),
                    "qualified", counts.path("qualified").asInt(), "routed", counts.path("routed").asInt());
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static List<String> deadLetteredExceptPoison() {
        return CONSUMED.keySet().stream()
                .flatMap(topic -> KafkaTopics.readAll(system.kafkaBootstrapServers(), topic + Topics.DEAD_LETTER_SUFFIX).stream())
                .filter(record -> !POISON_KEYS.contains(record.key()))
                .map(record -> record.topic() + ": " + KafkaTopics.header(record, "dead-letter-reason"))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int expected) {
        Instant deadline = Instant.now().plus(PROFILE.settle());
        List<ConsumerRecord<String, String>> records = KafkaTopics.readByKey(system.kafkaBootstrapServers(), topic, key);
        while (records.size() < expected && Instant.now().isBefore(deadline)) {
            pause(Duration.ofSeconds(1));
            records = KafkaTopics.readByKey(system.kafkaBootstrapServers(), topic, key);
        }
        return records;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record ConsumedTopic(String type, int consumers) {
    }

    /** The three kinds of poison: not JSON, an unknown type, a well-formed event without its lead. */
    private enum Poison {
        NOT_JSON("{\"eventId\": \"not json", "not a valid"),
        UNKNOWN_TYPE("{\"eventId\":\"%s\"}", "ce_type"),
        MISSING_LEAD_ID("{\"eventId\":\"%s\"}", "leadId");

        private final String payload;
        private final String reasonMentions;

        Poison(String payload, String reasonMentions) {
            this.payload = payload;
            this.reasonMentions = reasonMentions;
        }

        String payload() {
            return payload.replace("%s", UUID.randomUUID().toString());
        }

        String ceType(String expected) {
            return this == UNKNOWN_TYPE ? "lead.teleported" : expected;
        }

        String reasonMentions() {
            return reasonMentions;
        }
    }

    /** Polls every service's readiness while a fault lasts and remembers who answered DOWN (or nothing). */
    private static final class ReadinessWatch {
        private final Set<String> down = new HashSet<>();

        void observeWhile(Duration duration) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleWithFixedDelay(() -> LeadflowSystem.SERVICES.forEach(service -> {
                if (system.service(service).readinessStatus() != 200) {
                    synchronized (down) {
                        down.add(service);
                    }
                }
            }), 500, 500, TimeUnit.MILLISECONDS);
            pause(duration);
            poller.shutdownNow();
        }

        boolean sawDown(String service) {
            synchronized (down) {
                return down.contains(service);
            }
        }
    }

    /** One line of the printed table. */
    private record ReportRow(ScenarioVerdict verdict, double recoverySeconds) {
        static String table(FaultProfile profile, List<ReportRow> rows) {
            StringBuilder table = new StringBuilder("Fault injection, profile " + profile.name() + " ("
                    + profile.ratePerSecond() + " submissions/s, each fault x" + profile.repeats() + ")\n\n"
                    + "| scenario | sent | accepted | qualified | routed | lost | duplicated | redelivered copies"
                    + " | 503/409 answers | unanswered | recovery s | slowest capture->routed s |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (ReportRow row : rows) {
                ScenarioVerdict v = row.verdict();
                table.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f |%n",
                        v.scenario(), v.sent(), v.accepted(), v.qualified(), v.routed(), v.lost(), v.duplicated(),
                        v.copies(), v.retriedAnswers(), v.unanswered(), row.recoverySeconds(), v.slowestRouteSeconds()));
            }
            return table.toString();
        }
    }
}
