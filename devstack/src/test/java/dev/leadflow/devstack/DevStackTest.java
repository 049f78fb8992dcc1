package dev.leadflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DevStackTest {

    @Test
    void startsRealServersWithEveryTopicAndSurvivesABrokerKill() throws Exception {
        Path data = Path.of("target", "devstack-test-" + UUID.randomUUID());
        DevStackConfig config = DevStackConfig.forTests(data, Path.of("target", "devstack-bin"), List.of("capture"));
        try (DevStack stack = DevStack.start(config)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(DevStack.allTopics()).allTopicNames().get();
                assertThat(topics).containsKeys(Topics.LEADS_CAPTURED, Topics.LEADS_ROUTED + ".dlq");
                assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
            }
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("capture"), "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("17.");
            }
            assertThat(stack.redis().isRunning()).isTrue();

            produce(stack, "before-kill");
            stack.kafka().kill();
            stack.kafka().start();
            produce(stack, "after-restart");

            assertThat(consumeAll(stack)).contains("before-kill", "after-restart");
        }
        assertThat(Files.exists(data)).as("data folder deleted on close").isFalse();
    }

    private static void produce(DevStack stack, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEADS_CAPTURED, "k", value)).get();
        }
    }

    private static Set<String> consumeAll(DevStack stack) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LEADS_CAPTURED));
            Set<String> values = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
