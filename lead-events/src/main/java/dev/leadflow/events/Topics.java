package dev.leadflow.events;

import java.util.List;

/** Kafka topic names of the public contract. Every topic has a dead-letter twin named {@code <topic>.dlq}. */
public final class Topics {
    public static final String LEADS_CAPTURED = "leads.captured";
    public static final String LEADS_TOUCHPOINTS = "leads.touchpoints";
    public static final String LEADS_SCORED = "leads.scored";
    public static final String LEADS_QUALIFIED = "leads.qualified";
    public static final String LEADS_STAGE_CHANGED = "leads.stage-changed";
    public static final String LEADS_ROUTED = "leads.routed";
    public static final String LEADS_SLA_BREACHED = "leads.sla-breached";
    public static final String CRM_ACTIVITIES = "crm.activities";
    public static final String PRIVACY_ERASURES = "privacy.erasures";

    /** Suffix of the dead-letter topic that receives the records a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Every topic of the contract (without the dead-letter topics). */
    public static final List<String> ALL = List.of(
            LEADS_CAPTURED, LEADS_TOUCHPOINTS, LEADS_SCORED, LEADS_QUALIFIED, LEADS_STAGE_CHANGED,
            LEADS_ROUTED, LEADS_SLA_BREACHED, CRM_ACTIVITIES, PRIVACY_ERASURES);

    private Topics() {
    }
}
