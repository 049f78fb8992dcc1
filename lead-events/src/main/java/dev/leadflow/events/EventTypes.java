package dev.leadflow.events;

/** CloudEvents {@code type} attribute ({@code ce_type} header) of every event of the contract. */
public final class EventTypes {
    public static final String LEAD_CAPTURED = "lead.captured";
    public static final String TOUCHPOINT_RECORDED = "touchpoint.recorded";
    public static final String LEAD_SCORED = "lead.scored";
    public static final String LEAD_QUALIFIED = "lead.qualified";
    public static final String LEAD_STAGE_CHANGED = "lead.stage-changed";
    public static final String LEAD_ROUTED = "lead.routed";
    public static final String LEAD_SLA_BREACHED = "lead.sla-breached";
    public static final String LEAD_CONTACTED = "lead.contacted";
    public static final String OPPORTUNITY_CREATED = "opportunity.created";
    public static final String OPPORTUNITY_WON = "opportunity.won";
    public static final String OPPORTUNITY_LOST = "opportunity.lost";
    public static final String LEAD_DISQUALIFIED = "lead.disqualified";
    public static final String LEAD_ERASURE_REQUESTED = "lead.erasure-requested";
    public static final String LEAD_ERASED = "lead.erased";

    /** CloudEvents {@code specversion} of every event. */
    public static final String SPEC_VERSION = "1.0";

    private EventTypes() {
    }
}
