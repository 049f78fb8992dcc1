package dev.leadflow.reporting.speedtolead;

/** The two legs of speed-to-lead, exported as the {@code stage} label of {@code leadflow_speed_to_lead_seconds}. */
public enum SpeedToLeadStage {
    /** From the form submission to the assignment of an owner (both instants carried by {@code lead.routed}). */
    CAPTURE_TO_ROUTED("capture_to_routed"),
    /** From the assignment of an owner to the owner's first contact reported by the CRM. */
    ROUTED_TO_CONTACT("routed_to_contact");

    private final String label;

    SpeedToLeadStage(String label) {
        this.label = label;
    }

    /** The Prometheus label value. */
    public String label() {
        return label;
    }
}
