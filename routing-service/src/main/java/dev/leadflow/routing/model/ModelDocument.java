package dev.leadflow.routing.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The routing model as written in YAML (the seed) and stored as JSON (each version in {@code routing_model}): plain
 * values only, checked and turned into the typed {@link dev.leadflow.routing.decision.RoutingModel} by
 * {@link ModelDocuments#toModel}. Absent lists are empty; absent values take the defaults documented in the README.
 */
public record ModelDocument(String defaultQueue, String defaultFirstContactSla, List<String> freeMailDomains,
        List<TeamDoc> teams, List<RepDoc> reps, List<AccountDoc> accounts, List<TerritoryDoc> territories,
        List<RuleDoc> rules) {

    /** {@code manager}: a rep id or an email address, named in {@code lead.sla-breached} when escalation notifies. */
    public record TeamDoc(String id, String name, String manager) {

        public TeamDoc(String id, String name) {
            this(id, name, null);
        }
    }

    /**
     * {@code workingHours}: weekday name (monday..sunday) to windows {@code "HH:MM-HH:MM"} in {@code timeZone};
     * absent means all day every day. {@code maxOpenLeads}/{@code maxPerDay} absent: no limit.
     */
    public record RepDoc(String id, String name, String email, String bookingLink, List<String> teams, Integer weight,
            Integer maxOpenLeads, Integer maxPerDay, String timeZone, Map<String, List<String>> workingHours,
            List<AbsenceDoc> outOfOffice, Boolean active) {
    }

    /** ISO-8601 instants, e.g. {@code 2026-12-24T00:00:00Z}. */
    public record AbsenceDoc(String from, String until) {
    }

    public record AccountDoc(String id, String name, List<String> domains, String owner) {
    }

    /** {@code postalCodes}: ranges {@code "10000-14999"} (or one code). */
    public record TerritoryDoc(String id, List<String> countries, List<String> regions, List<String> postalCodes) {
    }

    /**
     * {@code whenNoneAvailable}: {@code hold} (default) or {@code queue} (then {@code fallbackQueue} is required).
     */
    public record RuleDoc(String id, WhenDoc when, AssignDoc assignTo, String whenNoneAvailable, String fallbackQueue,
            String firstContactSla, EscalationDoc escalation) {

        public RuleDoc(String id, WhenDoc when, AssignDoc assignTo, String whenNoneAvailable, String fallbackQueue,
                String firstContactSla) {
            this(id, when, assignTo, whenNoneAvailable, fallbackQueue, firstContactSla, null);
        }
    }

    /**
     * What a missed first-contact SLA triggers: {@code notify: manager} ({@code notify} clashes with
     * {@link Object#notify()} as a component name) and/or {@code reassign: true} with
     * {@code maxReassignments} (default 1).
     */
    public record EscalationDoc(@JsonProperty("notify") String notifyWhom, Boolean reassign,
            Integer maxReassignments) {
    }

    /** All present conditions must hold; list conditions match when the lead's value is one of them. */
    public record WhenDoc(String territory, List<String> country, List<String> region, List<String> companySize,
            List<String> industry, String jobTitle, List<String> emailDomain, Integer minScore, List<String> grade,
            List<String> formId, List<String> utmSource, List<String> utmMedium, List<String> utmCampaign) {
    }

    /** Exactly one of {@code rep}, {@code team} (with {@code distribution}, default round-robin) or {@code queue}. */
    public record AssignDoc(String rep, String team, String distribution, String queue) {
    }
}
