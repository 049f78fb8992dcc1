package dev.leadflow.routing.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadflow.routing.decision.Absence;
import dev.leadflow.routing.decision.Account;
import dev.leadflow.routing.decision.Capacity;
import dev.leadflow.routing.decision.Condition;
import dev.leadflow.routing.decision.Distribution;
import dev.leadflow.routing.decision.Escalation;
import dev.leadflow.routing.decision.LeadField;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.decision.Rule;
import dev.leadflow.routing.decision.RuleAction;
import dev.leadflow.routing.decision.Team;
import dev.leadflow.routing.decision.Territory;
import dev.leadflow.routing.decision.WhenNoneAvailable;
import dev.leadflow.routing.decision.WorkingHours;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads routing model documents (YAML seed, stored JSON) and checks them into a typed {@link RoutingModel}, listing
 * every error with the item and field it concerns, so one start-up attempt shows all that is wrong.
 */
public final class ModelDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WINDOW = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final String DEFAULT_QUEUE = "unassigned";
    private static final Duration DEFAULT_SLA = Duration.ofMinutes(5);
    private static final int DEFAULT_WEIGHT = 100;
    /** Each reassignment asks another rep; more than a handful means the team needs fixing, not more tries. */
    private static final int MAX_REASSIGNMENTS = 10;

    private ModelDocuments() {
    }

    public static ModelDocument readYaml(InputStream yaml, String source) {
        try {
            ModelDocument document = YAML.readValue(yaml, ModelDocument.class);
            if (document == null) {
                throw new InvalidRoutingModelException(source, List.of("the document is empty"));
            }
            return document;
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("No content")) {
                throw new InvalidRoutingModelException(source, List.of("the document is empty"));
            }
            throw new InvalidRoutingModelException(source, List.of(pathOf(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidRoutingModelException(source, List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static String toJson(ModelDocument document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a routing model document always serialises", e);
        }
    }

    public static ModelDocument fromJson(String json) {
        try {
            return JSON.readValue(json, ModelDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing model is not a model document", e);
        }
    }

    /**
     * Checks the document and builds the model.
     *
     * @throws InvalidRoutingModelException listing every error, each naming its item and field
     */
    public static RoutingModel toModel(ModelDocument document, int version, String source) {
        Errors errors = new Errors();
        List<Team> teams = new ArrayList<>();
        Set<String> teamIds = new HashSet<>();
        List<ModelDocument.TeamDoc> teamDocs = listOf(document.teams());
        for (int i = 0; i < teamDocs.size(); i++) {
            ModelDocument.TeamDoc doc = teamDocs.get(i);
            String path = "teams[" + i + "]" + label(doc.id());
            if (required(errors, path + ".id", doc.id()) && unique(errors, path + ".id", doc.id(), teamIds)) {
                teams.add(new Team(doc.id(), blank(doc.name()) ? doc.id() : doc.name(),
                        blank(doc.manager()) ? null : doc.manager().strip()));
            }
        }
        List<Rep> reps = new ArrayList<>();
        Set<String> repIds = new HashSet<>();
        List<ModelDocument.RepDoc> repDocs = listOf(document.reps());
        for (int i = 0; i < repDocs.size(); i++) {
            rep(errors, "reps[" + i + "]" + label(repDocs.get(i).id()), repDocs.get(i), teamIds, repIds)
                    .ifPresent(reps::add);
        }
        for (int i = 0; i < teamDocs.size(); i++) {
            String manager = teamDocs.get(i).manager();
            if (manager != null && (manager.contains("@") ? !EMAIL.matcher(manager.strip()).matches()
                    : !repIds.contains(manager.strip()))) {
                errors.add("teams[" + i + "]" + label(teamDocs.get(i).id()) + ".manager",
                        "'" + manager + "' is neither a rep id nor an email address");
            }
        }
        List<Account> accounts = new ArrayList<>();
        Set<String> accountIds = new HashSet<>();
        List<ModelDocument.AccountDoc> accountDocs = listOf(document.accounts());
        for (int i = 0; i < accountDocs.size(); i++) {
            ModelDocument.AccountDoc doc = accountDocs.get(i);
            String path = "accounts[" + i + "]" + label(doc.id());
            boolean ok = required(errors, path + ".id", doc.id()) & unique(errors, path + ".id", doc.id(), accountIds)
                    & required(errors, path + ".name", doc.name()) & required(errors, path + ".owner", doc.owner());
            if (!blank(doc.owner()) && !repIds.contains(doc.owner())) {
                errors.add(path + ".owner", "no rep '" + doc.owner() + "'");
                ok = false;
            }
            if (ok) {
                accounts.add(new Account(doc.id(), doc.name(), Set.copyOf(lowerCase(listOf(doc.domains()))),
                        doc.owner()));
            }
        }
        List<Territory> territories = new ArrayList<>();
        Set<String> territoryIds = new HashSet<>();
        List<ModelDocument.TerritoryDoc> territoryDocs = listOf(document.territories());
        for (int i = 0; i < territoryDocs.size(); i++) {
            territory(errors, "territories[" + i + "]" + label(territoryDocs.get(i).id()), territoryDocs.get(i),
                    territoryIds).ifPresent(territories::add);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        List<ModelDocument.RuleDoc> ruleDocs = listOf(document.rules());
        for (int i = 0; i < ruleDocs.size(); i++) {
            rule(errors, "rules[" + i + "]" + label(ruleDocs.get(i).id()), ruleDocs.get(i), repIds, teamIds,
                    territoryIds, ruleIds, reps).ifPresent(rules::add);
        }
        Duration defaultSla = document.defaultFirstContactSla() == null ? DEFAULT_SLA
                : sla(errors, "defaultFirstContactSla", document.defaultFirstContactSla());
        String defaultQueue = document.defaultQueue() == null ? DEFAULT_QUEUE : document.defaultQueue();
        if (defaultQueue.isBlank()) {
            errors.add("defaultQueue", "must not be blank");
        }
        if (!errors.list.isEmpty()) {
            throw new InvalidRoutingModelException(source, errors.list);
        }
        return new RoutingModel(version, reps, teams, accounts, territories, rules, defaultQueue, defaultSla,
                Set.copyOf(lowerCase(listOf(document.freeMailDomains()))));
    }

    private static Optional<Rep> rep(Errors errors, String path, ModelDocument.RepDoc doc,
            Set<String> teamIds, Set<String> repIds) {
        int before = errors.list.size();
        if (required(errors, path + ".id", doc.id())) {
            unique(errors, path + ".id", doc.id(), repIds);
        }
        required(errors, path + ".name", doc.name());
        if (required(errors, path + ".email", doc.email()) && !EMAIL.matcher(doc.email()).matches()) {
            errors.add(path + ".email", "is not an email address");
        }
        if (doc.bookingLink() != null && !doc.bookingLink().matches("https?://\\S+")) {
            errors.add(path + ".bookingLink", "must be an http(s) URL");
        }
        for (String team : listOf(doc.teams())) {
            if (!teamIds.contains(team)) {
                errors.add(path + ".teams", "no team '" + team + "'");
            }
        }
        int weight = doc.weight() == null ? DEFAULT_WEIGHT : doc.weight();
        if (weight < 1) {
            errors.add(path + ".weight", "must be at least 1");
        }
        positive(errors, path + ".maxOpenLeads", doc.maxOpenLeads());
        positive(errors, path + ".maxPerDay", doc.maxPerDay());
        ZoneId zone = ZoneOffset.UTC;
        if (doc.timeZone() != null) {
            try {
                zone = ZoneId.of(doc.timeZone());
            } catch (DateTimeException e) {
                errors.add(path + ".timeZone", "'" + doc.timeZone() + "' is not an IANA time zone");
            }
        }
        WorkingHours hours = doc.workingHours() == null ? WorkingHours.always(zone)
                : workingHours(errors, path + ".workingHours", doc.workingHours(), zone);
        List<Absence> absences = new ArrayList<>();
        List<ModelDocument.AbsenceDoc> absenceDocs = listOf(doc.outOfOffice());
        for (int i = 0; i < absenceDocs.size(); i++) {
            String at = path + ".outOfOffice[" + i + "]";
            Instant from = instant(errors, at + ".from", absenceDocs.get(i).from());
            Instant until = instant(errors, at + ".until", absenceDocs.get(i).until());
            if (from != null && until != null) {
                if (until.isAfter(from)) {
                    absences.add(new Absence(from, until));
                } else {
                    errors.add(at + ".until", "must be after from");
                }
            }
        }
        if (errors.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rep(doc.id(), doc.name(), doc.email(), doc.bookingLink(),
                Set.copyOf(listOf(doc.teams())), weight, new Capacity(doc.maxOpenLeads(), doc.maxPerDay()), hours,
                absences, doc.active() == null || doc.active()));
    }

    private static WorkingHours workingHours(Errors errors, String path, Map<String, List<String>> days, ZoneId zone) {
        Map<DayOfWeek, List<WorkingHours.Window>> windows = new EnumMap<>(DayOfWeek.class);
        days.forEach((name, texts) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(path + "." + name, "is not a weekday (monday..sunday)");
                return;
            }
            List<WorkingHours.Window> parsed = new ArrayList<>();
            for (String text : listOf(texts)) {
                Matcher m = WINDOW.matcher(text == null ? "" : text.trim());
                try {
                    if (!m.matches()) {
                        throw new DateTimeException("format");
                    }
                    LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    LocalTime end = "24:00".equals(m.group(3) + ":" + m.group(4)) ? LocalTime.MIDNIGHT
                            : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    parsed.add(new WorkingHours.Window(start, end));
                } catch (DateTimeException | IllegalArgumentException e) {
                    errors.add(path + "." + name, "'" + text + "' is not a window HH:MM-HH:MM ending after it starts");
                }
            }
            windows.put(day, parsed);
        });
        return new WorkingHours(zone, windows);
    }

    private static Optional<Territory> territory(Errors errors, String path, ModelDocument.TerritoryDoc doc,
            Set<String> territoryIds) {
        int before = errors.list.size();
        if (required(errors, path + ".id", doc.id())) {
            unique(errors, path + ".id", doc.id(), territoryIds);
        }
        List<String> countries = listOf(doc.countries()).stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
        countries.stream().filter(c -> !COUNTRY.matcher(c).matches())
                .forEach(c -> errors.add(path + ".countries", "'" + c + "' is not an ISO 3166-1 alpha-2 code"));
        List<Territory.PostalRange> ranges = new ArrayList<>();
        for (String text : listOf(doc.postalCodes())) {
            String[] bounds = text.replace(" ", "").toUpperCase(Locale.ROOT).split("-", 2);
            try {
                ranges.add(new Territory.PostalRange(bounds[0], bounds.length == 2 ? bounds[1] : bounds[0]));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".postalCodes", "'" + text + "': " + e.getMessage());
            }
        }
        if (countries.isEmpty() && listOf(doc.regions()).isEmpty() && ranges.isEmpty()) {
            errors.add(path, "needs countries, regions or postalCodes");
        }
        if (errors.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Territory(doc.id(), Set.copyOf(countries), Set.copyOf(listOf(doc.regions())),
                ranges));
    }

    private static Optional<Rule> rule(Errors errors, String path, ModelDocument.RuleDoc doc,
            Set<String> repIds, Set<String> teamIds, Set<String> territoryIds, Set<String> ruleIds, List<Rep> reps) {
        int before = errors.list.size();
        if (required(errors, path + ".id", doc.id())) {
            unique(errors, path + ".id", doc.id(), ruleIds);
        }
        List<Condition> conditions = doc.when() == null ? List.of()
                : conditions(errors, path + ".when", doc.when(), territoryIds);
        RuleAction action = action(errors, path + ".assignTo", doc.assignTo(), repIds, teamIds, reps);
        WhenNoneAvailable policy = null;
        String policyName = doc.whenNoneAvailable() == null ? "hold" : doc.whenNoneAvailable();
        if ("hold".equals(policyName)) {
            policy = new WhenNoneAvailable.Hold();
            if (doc.fallbackQueue() != null) {
                errors.add(path + ".fallbackQueue", "only applies with whenNoneAvailable: queue");
            }
        } else if ("queue".equals(policyName)) {
            if (required(errors, path + ".fallbackQueue", doc.fallbackQueue())) {
                policy = new WhenNoneAvailable.FallbackQueue(doc.fallbackQueue());
            }
        } else {
            errors.add(path + ".whenNoneAvailable", "'" + policyName + "' is not hold or queue");
        }
        Duration sla = doc.firstContactSla() == null ? null : sla(errors, path + ".firstContactSla",
                doc.firstContactSla());
        Escalation escalation = escalation(errors, path + ".escalation", doc.escalation());
        if (errors.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(doc.id(), conditions, action, policy, sla, escalation));
    }

    private static Escalation escalation(Errors errors, String path, ModelDocument.EscalationDoc doc) {
        if (doc == null) {
            return Escalation.NONE;
        }
        if (doc.notifyWhom() != null && !"manager".equals(doc.notifyWhom())) {
            errors.add(path + ".notify", "'" + doc.notifyWhom() + "' is not manager");
        }
        boolean reassign = Boolean.TRUE.equals(doc.reassign());
        if (doc.maxReassignments() != null && !reassign) {
            errors.add(path + ".maxReassignments", "only applies with reassign: true");
        }
        int max = doc.maxReassignments() == null ? (reassign ? 1 : 0) : doc.maxReassignments();
        if (reassign && (max < 1 || max > MAX_REASSIGNMENTS)) {
            errors.add(path + ".maxReassignments", "must be between 1 and " + MAX_REASSIGNMENTS);
            return Escalation.NONE;
        }
        return new Escalation("manager".equals(doc.notifyWhom()), reassign, reassign ? max : 0);
    }

    private static List<Condition> conditions(Errors errors, String path, ModelDocument.WhenDoc when,
            Set<String> territoryIds) {
        List<Condition> conditions = new ArrayList<>();
        if (when.territory() != null) {
            if (territoryIds.contains(when.territory())) {
                conditions.add(new Condition.InTerritory(when.territory()));
            } else {
                errors.add(path + ".territory", "no territory '" + when.territory() + "'");
            }
        }
        fieldIn(conditions, LeadField.COUNTRY, when.country());
        fieldIn(conditions, LeadField.REGION, when.region());
        fieldIn(conditions, LeadField.COMPANY_SIZE, when.companySize());
        fieldIn(conditions, LeadField.INDUSTRY, when.industry());
        if (when.jobTitle() != null) {
            try {
                conditions.add(Condition.JobTitleMatches.of(when.jobTitle()));
            } catch (PatternSyntaxException e) {
                errors.add(path + ".jobTitle", "'" + when.jobTitle() + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        fieldIn(conditions, LeadField.EMAIL_DOMAIN, when.emailDomain());
        if (when.minScore() != null) {
            conditions.add(new Condition.ScoreAtLeast(when.minScore()));
        }
        fieldIn(conditions, LeadField.GRADE, when.grade());
        fieldIn(conditions, LeadField.FORM_ID, when.formId());
        fieldIn(conditions, LeadField.UTM_SOURCE, when.utmSource());
        fieldIn(conditions, LeadField.UTM_MEDIUM, when.utmMedium());
        fieldIn(conditions, LeadField.UTM_CAMPAIGN, when.utmCampaign());
        return conditions;
    }

    private static void fieldIn(List<Condition> conditions, LeadField field, List<String> values) {
        if (values != null) {
            conditions.add(new Condition.FieldIn(field, Set.copyOf(values)));
        }
    }

    private static RuleAction action(Errors errors, String path, ModelDocument.AssignDoc doc, Set<String> repIds,
            Set<String> teamIds, List<Rep> reps) {
        if (doc == null) {
            errors.add(path, "is required: one of rep, team or queue");
            return null;
        }
        long targets = Stream.of(doc.rep(), doc.team(), doc.queue()).filter(v -> v != null).count();
        if (targets != 1) {
            errors.add(path, "needs exactly one of rep, team or queue");
            return null;
        }
        if (doc.distribution() != null && doc.team() == null) {
            errors.add(path + ".distribution", "only applies to a team");
        }
        if (doc.rep() != null) {
            if (!repIds.contains(doc.rep())) {
                errors.add(path + ".rep", "no rep '" + doc.rep() + "'");
            }
            return new RuleAction.ToRep(doc.rep());
        }
        if (doc.queue() != null) {
            if (doc.queue().isBlank()) {
                errors.add(path + ".queue", "must not be blank");
            }
            return new RuleAction.ToQueue(doc.queue());
        }
        Distribution distribution = Distribution.ROUND_ROBIN;
        if (doc.distribution() != null) {
            try {
                distribution = Distribution.valueOf(doc.distribution().trim().toUpperCase(Locale.ROOT)
                        .replace('-', '_'));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".distribution", "'" + doc.distribution()
                        + "' is not round-robin, weighted-round-robin or least-loaded");
            }
        }
        if (!teamIds.contains(doc.team())) {
            errors.add(path + ".team", "no team '" + doc.team() + "'");
        } else if (reps.stream().noneMatch(rep -> rep.teams().contains(doc.team()))) {
            errors.add(path + ".team", "team '" + doc.team() + "' has no reps");
        }
        return new RuleAction.ToTeam(doc.team(), distribution);
    }

    private static Duration sla(Errors errors, String path, String text) {
        try {
            Duration sla = Duration.parse(text);
            if (sla.compareTo(Duration.ofSeconds(1)) < 0) {
                errors.add(path, "must be at least 1 second");
            }
            return sla;
        } catch (DateTimeException e) {
            errors.add(path, "'" + text + "' is not an ISO-8601 duration such as PT5M");
            return null;
        }
    }

    private static Instant instant(Errors errors, String path, String text) {
        if (!required(errors, path, text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            errors.add(path, "'" + text + "' is not an ISO-8601 instant such as 2026-12-24T00:00:00Z");
            return null;
        }
    }

    private static void positive(Errors errors, String path, Integer value) {
        if (value != null && value < 1) {
            errors.add(path, "must be at least 1 (leave it out for no limit)");
        }
    }

    private static boolean required(Errors errors, String path, String value) {
        if (blank(value)) {
            errors.add(path, "is required");
            return false;
        }
        return true;
    }

    private static boolean unique(Errors errors, String path, String id, Set<String> seen) {
        if (!seen.add(id)) {
            errors.add(path, "'" + id + "' is used twice");
            return false;
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String label(String id) {
        return blank(id) ? "" : " (" + id + ")";
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(value -> value.trim().toLowerCase(Locale.ROOT)).toList();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "document" : path.toString();
    }

    /** The errors found so far, in document order. */
    private static final class Errors {
        private final List<String> list = new ArrayList<>();

        void add(String path, String message) {
            list.add(path + ": " + message);
        }
    }
}
