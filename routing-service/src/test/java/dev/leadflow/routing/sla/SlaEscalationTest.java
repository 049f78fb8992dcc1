package dev.leadflow.routing.sla;

import static dev.leadflow.devstack.KafkaTopics.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.OpportunityCreated;
import dev.leadflow.events.OpportunityWon;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.Rotation;
import dev.leadflow.routing.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * First-contact SLAs through Kafka on the real stack, with the demo model (everyone-else: PT5M, notify the demo
 * team's manager, reassign at most twice) and a test clock moved past the due time.
 */
@QuarkusTest
@TestProfile(SlaTestProfile.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SlaEscalationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration PAST_THE_SLA = Duration.ofMinutes(6);
    private static final String DEMO_MANAGER = "sales-lead@leadflow.example";

    @Inject
    ObjectMapper objectMapper;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;
    @Inject
    TestClock clock;
    @Inject
    SlaTimers timers;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Other tests' leads share the database: their timers must not breach when this test moves the clock. */
    @BeforeEach
    void closeTimersOfOtherTests() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE sla_timer SET status = 'closed', closed_by = 'test isolation' WHERE status = 'open'")
                .executeUpdate());
    }

    @Test
    void aMissedSlaNotifiesTheManagerAndReassignsUpToTheRulesMaximumThenSaysSo() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        UUID leadId = qualified.leadId();
        double reassignedBefore = breaches(LeadSlaBreached.ESCALATION_REASSIGNED);
        double exhaustedBefore = breaches(LeadSlaBreached.ESCALATION_EXHAUSTED);

        send(Topics.LEADS_QUALIFIED, qualified, LeadQualified.TYPE);
        LeadRouted first = awaitRouted(leadId, 1).get(0);
        SlaTimer timer = timers(leadId).get(0);
        assertThat(timer.status()).isEqualTo(SlaTimer.OPEN);
        assertThat(timer.ownerId()).isEqualTo(first.ownerId());
        assertThat(timer.startedAt()).isEqualTo(first.routedAt());
        assertThat(timer.dueAt()).isEqualTo(first.slaDueAt()).isEqualTo(first.routedAt().plus(Duration.ofMinutes(5)));
        int firstOwnerLoad = openLeads(first.ownerId());
        int nextOwnerLoad = openLeads(Rotation.after(first.ownerId()));

        clock.advance(PAST_THE_SLA);

        LeadRouted second = awaitRouted(leadId, 2).get(1);
        assertThat(second.qualificationId()).isEqualTo(qualified.qualificationId());
        assertThat(second.reassignments()).isEqualTo(1);
        assertThat(second.previousOwnerId()).isEqualTo(first.ownerId());
        assertThat(second.ownerId()).as("the next in turn who did not miss it").isEqualTo(Rotation.after(first.ownerId()));
        assertThat(second.reason()).isEqualTo("rule everyone-else: round robin in team demo: %s follows %s among 2 "
                .formatted(second.ownerId(), first.ownerId()) + "available of 3");
        assertThat(second.slaDueAt()).isEqualTo(second.routedAt().plus(Duration.ofMinutes(5)));
        assertThat(second.lead()).isEqualTo(qualified.profile());
        LeadSlaBreached breach = awaitBreaches(leadId, 1).get(0);
        assertThat(breach.ownerId()).isEqualTo(first.ownerId());
        assertThat(breach.qualificationId()).isEqualTo(qualified.qualificationId());
        assertThat(breach.ruleId()).isEqualTo(Rotation.DEMO_RULE);
        assertThat(breach.reassignments()).isZero();
        assertThat(breach.routedAt()).isEqualTo(first.routedAt());
        assertThat(breach.slaDueAt()).isEqualTo(first.slaDueAt());
        assertThat(breach.breachedAt()).isAfterOrEqualTo(first.slaDueAt());
        assertThat(breach.escalation()).isEqualTo(LeadSlaBreached.ESCALATION_REASSIGNED);
        assertThat(breach.notifyManager()).isEqualTo(DEMO_MANAGER);
        assertThat(breach.reassignedTo()).isEqualTo(second.ownerId());
        assertThat(openLeads(first.ownerId())).as("the lead left its first owner").isEqualTo(firstOwnerLoad - 1);
        assertThat(openLeads(second.ownerId())).isEqualTo(nextOwnerLoad + 1);

        clock.advance(PAST_THE_SLA);
        LeadRouted third = awaitRouted(leadId, 3).get(2);
        assertThat(third.reassignments()).isEqualTo(2);
        assertThat(third.previousOwnerId()).isEqualTo(second.ownerId());
        assertThat(third.ownerId()).isNotIn(first.ownerId(), second.ownerId());

        clock.advance(PAST_THE_SLA);
        LeadSlaBreached last = awaitBreaches(leadId, 3).get(2);
        assertThat(last.ownerId()).isEqualTo(third.ownerId());
        assertThat(last.reassignments()).isEqualTo(2);
        assertThat(last.escalation()).as("maxReassignments: 2").isEqualTo(LeadSlaBreached.ESCALATION_EXHAUSTED);
        assertThat(last.notifyManager()).isEqualTo(DEMO_MANAGER);
        assertThat(last.reassignedTo()).isNull();
        assertThat(routedRecords(leadId)).as("no fourth owner").hasSize(3);
        assertThat(timers(leadId)).extracting(SlaTimer::status).containsOnly(SlaTimer.BREACHED);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(breaches(LeadSlaBreached.ESCALATION_REASSIGNED)).isEqualTo(reassignedBefore + 2);
            assertThat(breaches(LeadSlaBreached.ESCALATION_EXHAUSTED)).isEqualTo(exhaustedBefore + 1);
        });

        // The last owner calls after all: recorded as a late first contact.
        Instant contactedAt = clock.instant();
        send(Topics.CRM_ACTIVITIES, new LeadContacted(UUID.randomUUID(), leadId, third.ownerId(), "phone",
                contactedAt), LeadContacted.TYPE);
        await().atMost(PATIENCE).until(() -> timers(leadId).get(2).contactedAt() != null);

        JsonPath audit = given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/routing/decisions/{leadId}", leadId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("decisions.reassignments", Integer.class)).containsExactly(0, 1, 2);
        assertThat(audit.getList("decisions.previousOwnerId", String.class))
                .containsExactly(null, first.ownerId(), second.ownerId());
        assertThat(audit.getList("decisions.sla.status", String.class)).containsOnly("breached");
        assertThat(audit.getList("decisions.sla.escalation", String.class)).containsExactly("reassigned",
                "reassigned", "exhausted");
        assertThat(audit.getList("decisions.sla.notifiedManager", String.class)).containsOnly(DEMO_MANAGER);
        assertThat(audit.getList("decisions.sla.reassignedTo", String.class))
                .containsExactly(second.ownerId(), third.ownerId(), null);
        assertThat(audit.getList("decisions[0].sla.timeline.event", String.class))
                .containsExactly("started", "due", "breached");
        assertThat(audit.getList("decisions[2].sla.timeline.event", String.class))
                .containsExactly("started", "due", "breached", "contacted");
        assertThat(audit.getString("decisions[2].sla.timeline[3].detail"))
                .isEqualTo("by " + third.ownerId() + " (late)");
        assertThat(audit.getString("decisions[1].explanation.candidates.find { it.repId == '%s' }.status"
                .formatted(first.ownerId()))).isEqualTo("MISSED_SLA");
    }

    @Test
    void aFirstContactInTimeStopsTheTimerAndNoBreachFollows() throws Exception {
        LeadQualified contacted = Qualifications.of(UUID.randomUUID());
        LeadQualified ignored = Qualifications.of(UUID.randomUUID());
        send(Topics.LEADS_QUALIFIED, contacted, LeadQualified.TYPE);
        send(Topics.LEADS_QUALIFIED, ignored, LeadQualified.TYPE);
        LeadRouted routed = awaitRouted(contacted.leadId(), 1).get(0);
        awaitRouted(ignored.leadId(), 1);
        await().atMost(PATIENCE).until(() -> openTimersGauge() >= 2);

        Instant contactedAt = clock.instant();
        send(Topics.CRM_ACTIVITIES, new LeadContacted(UUID.randomUUID(), contacted.leadId(), routed.ownerId(),
                "email", contactedAt), LeadContacted.TYPE);
        await().atMost(PATIENCE).until(() -> SlaTimer.CONTACTED.equals(timers(contacted.leadId()).get(0).status()));
        clock.advance(PAST_THE_SLA);

        // Once the uncontacted lead's breach is out, the checker has passed the contacted lead's due time too.
        awaitBreaches(ignored.leadId(), 1);
        assertThat(breachRecords(contacted.leadId())).isEmpty();
        assertThat(routedRecords(contacted.leadId())).hasSize(1);
        SlaTimer timer = timers(contacted.leadId()).get(0);
        assertThat(timer.status()).isEqualTo(SlaTimer.CONTACTED);
        // PostgreSQL keeps microseconds, rounding the clock's nanoseconds.
        assertThat(timer.contactedAt()).isCloseTo(contactedAt,
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
        assertThat(timer.contactedBy()).isEqualTo(routed.ownerId());
        assertThat(timer.timeline()).extracting(SlaTimer.Step::detail).contains("by " + routed.ownerId() + " (in time)");
    }

    @Test
    void anOutcomeClosesTheAssignmentAndFreesTheOwnersCapacityExactlyOnce() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        UUID leadId = qualified.leadId();
        send(Topics.LEADS_QUALIFIED, qualified, LeadQualified.TYPE);
        LeadRouted routed = awaitRouted(leadId, 1).get(0);
        int load = openLeads(routed.ownerId());
        OpportunityCreated created = new OpportunityCreated(UUID.randomUUID(), leadId, "opp-1",
                new BigDecimal("12000.00"), "EUR", clock.instant());
        OpportunityWon won = new OpportunityWon(UUID.randomUUID(), leadId, "opp-1", new BigDecimal("12000.00"),
                "EUR", clock.instant());

        send(Topics.CRM_ACTIVITIES, created, OpportunityCreated.TYPE);
        send(Topics.CRM_ACTIVITIES, created, OpportunityCreated.TYPE);
        send(Topics.CRM_ACTIVITIES, won, OpportunityWon.TYPE);

        await().atMost(PATIENCE).until(() -> processed(won.eventId()));
        assertThat(openLeads(routed.ownerId())).isEqualTo(load - 1);
        assertThat(releasedBy(routed.eventId())).isEqualTo("opportunity.created");
        SlaTimer timer = timers(leadId).get(0);
        assertThat(timer.status()).isEqualTo(SlaTimer.CLOSED);
        assertThat(timer.closedBy()).isEqualTo("opportunity.created");
    }

    @Test
    void aDisqualificationReportedOverHttpClosesTheAssignment() {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        UUID leadId = qualified.leadId();
        sendUnchecked(Topics.LEADS_QUALIFIED, qualified, LeadQualified.TYPE);
        LeadRouted routed = awaitRouted(leadId, 1).get(0);
        int load = openLeads(routed.ownerId());

        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("""
                        {"type": "lead.disqualified", "leadId": "%s", "repId": "%s", "reason": "no budget"}"""
                        .formatted(leadId, routed.ownerId()))
                .post("/api/v1/crm/activities")
                .then().statusCode(202);

        await().atMost(PATIENCE).until(() -> "lead.disqualified".equals(releasedBy(routed.eventId())));
        assertThat(openLeads(routed.ownerId())).isEqualTo(load - 1);
        assertThat(timers(leadId).get(0).status()).isEqualTo(SlaTimer.CLOSED);
    }

    @Test
    void ignoresActivitiesOfUnknownLeadsAndDeadLettersPoison() throws Exception {
        UUID unknown = UUID.randomUUID();
        OpportunityWon wonElsewhere = new OpportunityWon(UUID.randomUUID(), unknown, "opp-9", BigDecimal.TEN, "EUR",
                clock.instant());
        LeadContacted contactedElsewhere = new LeadContacted(UUID.randomUUID(), unknown, "alice", "phone",
                clock.instant());
        KafkaTopics.send(bootstrapServers, Topics.CRM_ACTIVITIES, unknown.toString(), "{}", LeadScored.TYPE,
                UUID.randomUUID().toString());

        send(Topics.CRM_ACTIVITIES, wonElsewhere, OpportunityWon.TYPE);
        send(Topics.CRM_ACTIVITIES, contactedElsewhere, LeadContacted.TYPE);

        await().atMost(PATIENCE).until(() -> processed(wonElsewhere.eventId()) && processed(contactedElsewhere.eventId()));
        List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE).until(() -> KafkaTopics.readByKey(
                bootstrapServers, Topics.CRM_ACTIVITIES + Topics.DEAD_LETTER_SUFFIX, unknown.toString()),
                records -> !records.isEmpty());
        assertThat(dead).extracting(record -> header(record, "dead-letter-reason"))
                .containsExactly("unexpected ce_type 'lead.scored' (expected lead.contacted)");
    }

    private void send(String topic, LeadflowEvent event, String type) throws Exception {
        KafkaTopics.send(bootstrapServers, topic, event.key(), objectMapper.writeValueAsString(event), type,
                event.eventId().toString());
    }

    private void sendUnchecked(String topic, LeadflowEvent event, String type) {
        try {
            send(topic, event, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<LeadRouted> awaitRouted(UUID leadId, int count) {
        return await().atMost(PATIENCE).until(() -> routedRecords(leadId), records -> records.size() >= count)
                .stream().map(record -> read(record, LeadRouted.class)).toList();
    }

    private List<LeadSlaBreached> awaitBreaches(UUID leadId, int count) {
        return await().atMost(PATIENCE).until(() -> breachRecords(leadId), records -> records.size() >= count)
                .stream().map(record -> read(record, LeadSlaBreached.class)).toList();
    }

    private List<ConsumerRecord<String, String>> routedRecords(UUID leadId) {
        return KafkaTopics.readByKey(bootstrapServers, Topics.LEADS_ROUTED, leadId.toString());
    }

    private List<ConsumerRecord<String, String>> breachRecords(UUID leadId) {
        return KafkaTopics.readByKey(bootstrapServers, Topics.LEADS_SLA_BREACHED, leadId.toString());
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return objectMapper.readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError("not a readable " + type.getSimpleName() + ": " + record.value(), e);
        }
    }

    private List<SlaTimer> timers(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> timers.findByLead(leadId));
    }

    private int openLeads(String repId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT open_leads FROM rep_load WHERE rep_id = ?1").setParameter(1, repId)
                .getSingleResult()).intValue());
    }

    private String releasedBy(UUID decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT released_by FROM routing_decision WHERE id = ?1")
                .setParameter(1, decisionId).getSingleResult());
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'routing.crm-activity' "
                        + "AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1);
    }

    private double breaches(String escalation) {
        Counter counter = registry.find("leadflow_sla_breaches_total").tags("escalation", escalation).counter();
        return counter == null ? 0 : counter.count();
    }

    private double openTimersGauge() {
        Gauge gauge = registry.find("leadflow_sla_timers_open").gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
