package dev.leadflow.systemtests.faults;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.TouchpointRecorded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the topics hold, read from the outside: every well-formed lifecycle event grouped by lead in topic order.
 * Records that are not such events (the poison a test wrote) are left out.
 */
final class TopicLedger {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    final Map<UUID, List<LeadCaptured>> captured;
    final Map<UUID, List<LeadScored>> scored;
    final Map<UUID, List<LeadQualified>> qualified;
    final Map<UUID, List<LeadRouted>> routed;
    final Set<UUID> touchpointIds;
    final int touchpointRecords;

    // Package-private: ScenarioVerdictTest builds ledgers without a broker.
    TopicLedger(Map<UUID, List<LeadCaptured>> captured, Map<UUID, List<LeadScored>> scored,
            Map<UUID, List<LeadQualified>> qualified, Map<UUID, List<LeadRouted>> routed, Set<UUID> touchpointIds,
            int touchpointRecords) {
        this.captured = captured;
        this.scored = scored;
        this.qualified = qualified;
        this.routed = routed;
        this.touchpointIds = touchpointIds;
        this.touchpointRecords = touchpointRecords;
    }

    static TopicLedger read(String bootstrapServers) {
        List<TouchpointRecorded> touchpoints = events(bootstrapServers, TouchpointRecorded.TOPIC, TouchpointRecorded.TYPE,
                TouchpointRecorded.class);
        Set<UUID> touchpointIds = new HashSet<>();
        touchpoints.forEach(t -> touchpointIds.add(t.touchpointId()));
        return new TopicLedger(
                byLead(events(bootstrapServers, LeadCaptured.TOPIC, LeadCaptured.TYPE, LeadCaptured.class), LeadCaptured::leadId),
                byLead(events(bootstrapServers, LeadScored.TOPIC, LeadScored.TYPE, LeadScored.class), LeadScored::leadId),
                byLead(events(bootstrapServers, LeadQualified.TOPIC, LeadQualified.TYPE, LeadQualified.class),
                        LeadQualified::leadId),
                byLead(events(bootstrapServers, LeadRouted.TOPIC, LeadRouted.TYPE, LeadRouted.class), LeadRouted::leadId),
                touchpointIds, touchpoints.size());
    }

    /** The number of records on the topic that repeat an event id seen before (at-least-once redelivery copies). */
    static <T extends LeadflowEvent> int copies(List<T> events) {
        Set<UUID> seen = new HashSet<>();
        return (int) events.stream().filter(e -> !seen.add(e.eventId())).count();
    }

    /** The events with distinct ids, first copy of each, in topic order. */
    static <T extends LeadflowEvent> List<T> distinct(List<T> events) {
        Set<UUID> seen = new HashSet<>();
        return events.stream().filter(e -> seen.add(e.eventId())).toList();
    }

    private static <T extends LeadflowEvent> List<T> events(String bootstrapServers, String topic, String type,
            Class<T> eventClass) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopics.readAll(bootstrapServers, topic)) {
            if (!type.equals(KafkaTopics.header(record, "ce_type"))) {
                continue;
            }
            try {
                T event = JSON.readValue(record.value(), eventClass);
                if (event.eventId() != null) {
                    events.add(event);
                }
            } catch (Exception notAnEvent) {
                // poison written by a test: judged through the dead-letter topics instead
            }
        }
        return events;
    }

    private static <T> Map<UUID, List<T>> byLead(List<T> events, Function<T, UUID> leadId) {
        Map<UUID, List<T>> byLead = new LinkedHashMap<>();
        for (T event : events) {
            UUID id = leadId.apply(event);
            if (id != null) {
                byLead.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
            }
        }
        return byLead;
    }
}
