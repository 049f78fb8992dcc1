package dev.leadflow.scoring.modelfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadflow.scoring.model.CompanySizeAtLeast;
import dev.leadflow.scoring.model.Condition;
import dev.leadflow.scoring.model.Decay;
import dev.leadflow.scoring.model.DisposableEmailDomain;
import dev.leadflow.scoring.model.DurationText;
import dev.leadflow.scoring.model.EngagementRule;
import dev.leadflow.scoring.model.ExpiresAfter;
import dev.leadflow.scoring.model.FieldAbsent;
import dev.leadflow.scoring.model.FieldContains;
import dev.leadflow.scoring.model.FieldEquals;
import dev.leadflow.scoring.model.FieldIn;
import dev.leadflow.scoring.model.FieldMatches;
import dev.leadflow.scoring.model.FieldPresent;
import dev.leadflow.scoring.model.FieldRange;
import dev.leadflow.scoring.model.FitRule;
import dev.leadflow.scoring.model.FreeMailDomain;
import dev.leadflow.scoring.model.GradeBands;
import dev.leadflow.scoring.model.HalfLife;
import dev.leadflow.scoring.model.LeadAll;
import dev.leadflow.scoring.model.LeadAny;
import dev.leadflow.scoring.model.LeadCondition;
import dev.leadflow.scoring.model.LeadField;
import dev.leadflow.scoring.model.LeadNot;
import dev.leadflow.scoring.model.QualificationPolicy;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.TouchpointAll;
import dev.leadflow.scoring.model.TouchpointAny;
import dev.leadflow.scoring.model.TouchpointCampaign;
import dev.leadflow.scoring.model.TouchpointCondition;
import dev.leadflow.scoring.model.TouchpointCount;
import dev.leadflow.scoring.model.TouchpointNot;
import dev.leadflow.scoring.model.TouchpointType;
import dev.leadflow.scoring.model.TouchpointUrlMatches;
import dev.leadflow.scoring.model.TouchpointUtm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a scoring model from YAML into the typed {@link ScoringModel}, reporting every problem at once (unknown
 * keys, missing or mistyped values, bad regular expressions, conditions used in the wrong dimension), each named by
 * its rule and field. See {@code scoring/demo-model.yaml} for the format.
 */
public final class ScoringModelReader {

    /** Prefix of a model location on the classpath; any other location is a file path. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> MODEL_KEYS = Set.of("version", "threshold", "minimumFit", "grades", "fit",
            "engagement");
    private static final Set<String> FIT_RULE_KEYS = Set.of("id", "description", "points", "condition");
    private static final Set<String> ENGAGEMENT_RULE_KEYS = Set.of("id", "description", "points", "condition",
            "maxPoints", "recurs", "halfLife", "expiresAfter");
    /** Each condition type and the keys it takes besides {@code type}. */
    private static final Map<String, Set<String>> CONDITION_KEYS = Map.ofEntries(
            Map.entry("field-matches", Set.of("field", "pattern")),
            Map.entry("field-in", Set.of("field", "values")),
            Map.entry("field-equals", Set.of("field", "value")),
            Map.entry("field-contains", Set.of("field", "value")),
            Map.entry("field-present", Set.of("field")),
            Map.entry("field-absent", Set.of("field")),
            Map.entry("field-range", Set.of("field", "min", "max")),
            Map.entry("company-size-at-least", Set.of("employees")),
            Map.entry("free-mail-domain", Set.of("domains")),
            Map.entry("disposable-email", Set.of()),
            Map.entry("touchpoint-type", Set.of("types")),
            Map.entry("touchpoint-url-matches", Set.of("pattern")),
            Map.entry("touchpoint-campaign", Set.of("values")),
            Map.entry("touchpoint-utm", Set.of("parameter", "values")),
            Map.entry("touchpoint-count", Set.of("of", "atLeast", "within")),
            Map.entry("all", Set.of("conditions")),
            Map.entry("any", Set.of("conditions")),
            Map.entry("not", Set.of("condition")));

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ScoringModelReader(String source) {
        this.source = source;
    }

    /** Reads the model at {@code location}: {@code classpath:<resource>} or a file path. */
    public static ScoringModel load(String location) {
        return read(text(location), location);
    }

    /** The text of the model file at {@code location}: {@code classpath:<resource>} or a file path. */
    public static String text(String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidScoringModelException(location, List.of("no such resource on the classpath"));
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read scoring model " + location, e);
            }
        }
        try {
            return Files.readString(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new InvalidScoringModelException(location, List.of("no such file"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scoring model " + location, e);
        }
    }

    /** Reads a model from YAML text; {@code source} names it in error messages. */
    public static ScoringModel read(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidScoringModelException(source, List.of("not valid YAML" + where + ": "
                    + e.getOriginalMessage()));
        }
        return new ScoringModelReader(source).model(root);
    }

    /** Reads a model from JSON text, the same structure as the YAML; {@code source} names it in error messages. */
    public static ScoringModel readJson(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new InvalidScoringModelException(source, List.of("not valid JSON" + where + ": "
                    + e.getOriginalMessage()));
        }
        return new ScoringModelReader(source).model(root);
    }

    private ScoringModel model(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidScoringModelException(source,
                    List.of("the model must be a mapping with keys " + String.join(", ", sorted(MODEL_KEYS))));
        }
        rejectUnknownKeys(root, "model", MODEL_KEYS);
        String version = text(root, "model", "version");
        Integer threshold = root.has("threshold") ? integer(root, "model", "threshold")
                : Integer.valueOf(ScoringModel.DEFAULT_THRESHOLD);
        Integer minimumFit = root.has("minimumFit") ? integer(root, "model", "minimumFit") : null;
        GradeBands grades = grades(root.get("grades"));
        List<FitRule> fit = rules(root, "fit", this::fitRule);
        List<EngagementRule> engagement = rules(root, "engagement", this::engagementRule);
        if (problems.isEmpty()) {
            try {
                return new ScoringModel(version, new QualificationPolicy(threshold, minimumFit), grades, fit,
                        engagement);
            } catch (IllegalArgumentException e) {
                problems.add("model: " + e.getMessage());
            }
        }
        throw new InvalidScoringModelException(source, problems);
    }

    private GradeBands grades(JsonNode node) {
        if (node == null || node.isNull()) {
            return GradeBands.DEFAULT;
        }
        if (!node.isObject()) {
            problems.add("model: grades: must be a mapping with fit and engagement");
            return null;
        }
        rejectUnknownKeys(node, "model", "grades.", Set.of("fit", "engagement"));
        List<Integer> fit = node.has("fit") ? integers(node.get("fit"), "grades.fit") : GradeBands.DEFAULT.fit();
        List<Integer> engagement = node.has("engagement") ? integers(node.get("engagement"), "grades.engagement")
                : GradeBands.DEFAULT.engagement();
        if (fit == null || engagement == null) {
            return null;
        }
        try {
            return new GradeBands(fit, engagement);
        } catch (IllegalArgumentException e) {
            problems.add("model: " + e.getMessage());
            return null;
        }
    }

    private List<Integer> integers(JsonNode list, String path) {
        List<Integer> values = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode value : list) {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    break;
                }
                values.add(value.intValue());
            }
            if (values.size() == list.size()) {
                return values;
            }
        }
        problems.add("model: " + path + ": must be a list of whole numbers, e.g. [60, 40, 20]");
        return null;
    }

    private <R> List<R> rules(JsonNode root, String section, Function<RuleNode, R> reader) {
        JsonNode list = root.get(section);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add(section + ": must be a list of rules");
            return List.of();
        }
        List<R> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            JsonNode id = node.get("id");
            String where = section + "[" + i + "]" + (id != null && id.isTextual() ? " '" + id.asText() + "'" : "");
            if (!node.isObject()) {
                problems.add(where + ": a rule must be a mapping with id, description, points and condition");
                continue;
            }
            R rule = reader.apply(new RuleNode(node, where));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private FitRule fitRule(RuleNode rule) {
        rejectUnknownKeys(rule.node(), rule.where(), FIT_RULE_KEYS);
        String id = text(rule.node(), rule.where(), "id");
        String description = text(rule.node(), rule.where(), "description");
        Integer points = integer(rule.node(), rule.where(), "points");
        Condition condition = condition(rule.node().get("condition"), rule.where(), "condition");
        if (condition != null && !(condition instanceof LeadCondition)) {
            problems.add(rule.where() + ": condition.type: '" + rule.node().get("condition").get("type").asText()
                    + "' tests touchpoints, so it belongs in an engagement rule; fit rules test the lead");
            return null;
        }
        if (id == null || description == null || points == null || condition == null) {
            return null;
        }
        try {
            return new FitRule(id, description, points, (LeadCondition) condition);
        } catch (IllegalArgumentException e) {
            problems.add(rule.where() + ": " + e.getMessage());
            return null;
        }
    }

    private EngagementRule engagementRule(RuleNode rule) {
        JsonNode node = rule.node();
        rejectUnknownKeys(node, rule.where(), ENGAGEMENT_RULE_KEYS);
        String id = text(node, rule.where(), "id");
        String description = text(node, rule.where(), "description");
        Integer points = integer(node, rule.where(), "points");
        Integer maxPoints = node.has("maxPoints") ? integer(node, rule.where(), "maxPoints") : null;
        Condition condition = condition(node.get("condition"), rule.where(), "condition");
        if (condition instanceof LeadCondition) {
            problems.add(rule.where() + ": condition.type: '" + node.get("condition").get("type").asText()
                    + "' tests the lead, so it belongs in a fit rule; engagement rules test touchpoints");
            return null;
        }
        // Default: a per-touchpoint rule recurs for every touchpoint, a count rule scores once.
        Boolean recurs = node.has("recurs") ? bool(node, rule.where(), "recurs")
                : Boolean.valueOf(!(condition instanceof TouchpointCount));
        Decay decay = decay(node, rule.where());
        boolean invalid = node.has("maxPoints") && maxPoints == null || recurs == null || decay == null;
        if (id == null || description == null || points == null || condition == null || invalid) {
            return null;
        }
        try {
            return new EngagementRule(id, description, points, condition, recurs, maxPoints, decay);
        } catch (IllegalArgumentException e) {
            problems.add(rule.where() + ": " + e.getMessage());
            return null;
        }
    }

    /** The rule's decay: {@code halfLife} or {@code expiresAfter} (not both), or none; null after a problem. */
    private Decay decay(JsonNode rule, String where) {
        if (rule.has("halfLife") && rule.has("expiresAfter")) {
            problems.add(where + ": expiresAfter: give halfLife or expiresAfter, not both");
            return null;
        }
        try {
            if (rule.has("halfLife")) {
                Duration halfLife = duration(rule, where, "halfLife");
                return halfLife == null ? null : new HalfLife(halfLife);
            }
            if (rule.has("expiresAfter")) {
                Duration expiresAfter = duration(rule, where, "expiresAfter");
                return expiresAfter == null ? null : new ExpiresAfter(expiresAfter);
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        return Decay.NONE;
    }

    private Duration duration(JsonNode parent, String where, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        String text = text(parent, where, path, key);
        if (text == null) {
            return null;
        }
        return DurationText.parse(text).orElseGet(() -> {
            problems.add(where + ": " + path + ": must be a positive duration like 30d, 12h or 90m, not '" + text
                    + "'");
            return null;
        });
    }

    /**
     * Reads the condition at {@code path} (e.g. {@code condition}, {@code condition.conditions[1]}); null after a
     * problem, which is reported naming the rule and the path.
     */
    private Condition condition(JsonNode node, String where, String path) {
        if (node == null || node.isNull()) {
            problems.add(where + ": " + path + ": is required");
            return null;
        }
        if (!node.isObject()) {
            problems.add(where + ": " + path + ": must be a mapping with a type");
            return null;
        }
        String type = text(node, where, path + ".type", "type");
        if (type == null) {
            return null;
        }
        Set<String> keys = CONDITION_KEYS.get(type);
        if (keys == null) {
            problems.add(where + ": " + path + ".type: unknown type '" + type + "'; known types: "
                    + String.join(", ", sorted(CONDITION_KEYS.keySet())));
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(keys);
        allowed.add("type");
        rejectUnknownKeys(node, where, path + ".", allowed);
        int problemsBefore = problems.size();
        Key k = new Key(node, where, path);
        return switch (type) {
            case "field-matches" -> build(problemsBefore, k, field(k), pattern(k), FieldMatches::new);
            case "field-in" -> build(problemsBefore, k, field(k), stringSet(k, "values", true), FieldIn::new);
            case "field-equals" -> build(problemsBefore, k, field(k), text(k, "value"), FieldEquals::new);
            case "field-contains" -> build(problemsBefore, k, field(k), text(k, "value"), FieldContains::new);
            case "field-present" -> build(problemsBefore, k, field(k), FieldPresent::new);
            case "field-absent" -> build(problemsBefore, k, field(k), FieldAbsent::new);
            case "field-range" -> fieldRange(problemsBefore, k);
            case "company-size-at-least" -> build(problemsBefore, k, integer(node, where, path + ".employees",
                    "employees"), CompanySizeAtLeast::new);
            case "free-mail-domain" -> build(problemsBefore, k, stringSet(k, "domains", false), FreeMailDomain::new);
            case "disposable-email" -> new DisposableEmailDomain();
            case "touchpoint-type" -> build(problemsBefore, k, stringSet(k, "types", true), TouchpointType::new);
            case "touchpoint-url-matches" -> build(problemsBefore, k, pattern(k), TouchpointUrlMatches::new);
            case "touchpoint-campaign" -> build(problemsBefore, k, stringSet(k, "values", true),
                    TouchpointCampaign::new);
            case "touchpoint-utm" -> build(problemsBefore, k, utmParameter(k), stringSet(k, "values", true),
                    TouchpointUtm::new);
            case "touchpoint-count" -> touchpointCount(problemsBefore, k);
            case "all", "any" -> combination(problemsBefore, k, type);
            case "not" -> negation(problemsBefore, k);
            default -> throw new IllegalStateException("Condition type " + type + " has keys but no reader");
        };
    }

    private Condition fieldRange(int problemsBefore, Key k) {
        LeadField field = field(k);
        Integer min = optionalInteger(k, "min");
        Integer max = optionalInteger(k, "max");
        return build(problemsBefore, k, field, min, (f, low) -> new FieldRange(f, low, max));
    }

    private Condition touchpointCount(int problemsBefore, Key k) {
        Condition of = condition(k.node().get("of"), k.where(), k.path() + ".of");
        Integer atLeast = integer(k.node(), k.where(), k.path() + ".atLeast", "atLeast");
        Duration within = duration(k.node(), k.where(), k.path() + ".within");
        if (of != null && !(of instanceof TouchpointCondition)) {
            problems.add(k.where() + ": " + k.path() + ".of: must be a condition on one touchpoint (touchpoint-type, "
                    + "touchpoint-url-matches, touchpoint-campaign, touchpoint-utm or their all/any/not)");
            return null;
        }
        return build(problemsBefore, k, (TouchpointCondition) of, atLeast,
                (condition, count) -> new TouchpointCount(condition, count, within));
    }

    private Condition combination(int problemsBefore, Key k, String type) {
        JsonNode list = k.node().get("conditions");
        if (list == null || !list.isArray() || list.size() < 2) {
            problems.add(k.where() + ": " + k.path() + ".conditions: must list at least two conditions");
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            conditions.add(condition(list.get(i), k.where(), k.path() + ".conditions[" + i + "]"));
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        if (conditions.stream().allMatch(LeadCondition.class::isInstance)) {
            List<LeadCondition> lead = conditions.stream().map(LeadCondition.class::cast).toList();
            return "all".equals(type) ? new LeadAll(lead) : new LeadAny(lead);
        }
        if (conditions.stream().allMatch(TouchpointCondition.class::isInstance)) {
            List<TouchpointCondition> each = conditions.stream().map(TouchpointCondition.class::cast).toList();
            return "all".equals(type) ? new TouchpointAll(each) : new TouchpointAny(each);
        }
        problems.add(k.where() + ": " + k.path() + ".conditions: combine conditions of one kind: all on the lead, "
                + "or all on one touchpoint (touchpoint-count cannot be combined)");
        return null;
    }

    private Condition negation(int problemsBefore, Key k) {
        Condition inner = condition(k.node().get("condition"), k.where(), k.path() + ".condition");
        if (problems.size() > problemsBefore) {
            return null;
        }
        if (inner instanceof LeadCondition lead) {
            return new LeadNot(lead);
        }
        if (inner instanceof TouchpointCondition each) {
            return new TouchpointNot(each);
        }
        problems.add(k.where() + ": " + k.path() + ".condition: touchpoint-count cannot be negated");
        return null;
    }

    private <A> Condition build(int problemsBefore, Key k, A a, Function<A, Condition> constructor) {
        return build(problemsBefore, k, a, null, (first, unused) -> constructor.apply(first));
    }

    /**
     * Builds a condition from values read just before, unless reading them found a problem (already reported); the
     * condition's own checks (e.g. a positive head count) are reported under the rule too.
     */
    private <A, B> Condition build(int problemsBefore, Key k, A a, B b, BiFunction<A, B, Condition> constructor) {
        if (problems.size() > problemsBefore) {
            return null;
        }
        try {
            return constructor.apply(a, b);
        } catch (IllegalArgumentException e) {
            problems.add(k.where() + ": " + k.path() + "." + e.getMessage());
            return null;
        }
    }

    private LeadField field(Key k) {
        String key = text(k, "field");
        if (key == null) {
            return null;
        }
        return LeadField.byKey(key).orElseGet(() -> {
            problems.add(k.where() + ": " + k.path() + ".field: unknown lead field '" + key + "'; known fields: "
                    + LeadField.keys());
            return null;
        });
    }

    private TouchpointUtm.Parameter utmParameter(Key k) {
        String key = text(k, "parameter");
        if (key == null) {
            return null;
        }
        return TouchpointUtm.Parameter.byKey(key).orElseGet(() -> {
            problems.add(k.where() + ": " + k.path() + ".parameter: unknown UTM parameter '" + key
                    + "'; known parameters: " + TouchpointUtm.Parameter.keys());
            return null;
        });
    }

    private Pattern pattern(Key k) {
        String regex = text(k, "pattern");
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(k.where() + ": " + k.path() + ".pattern: invalid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
            return null;
        }
    }

    private Set<String> stringSet(Key k, String key, boolean required) {
        JsonNode list = k.node().get(key);
        String path = k.path() + "." + key;
        if (list == null || list.isNull()) {
            if (required) {
                problems.add(k.where() + ": " + path + ": is required");
            }
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(k.where() + ": " + path + ": must be a non-empty list");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : list) {
            if (!value.isValueNode() || value.isNull()) {
                problems.add(k.where() + ": " + path + ": every entry must be a plain value");
                return null;
            }
            values.add(value.asText());
        }
        return values;
    }

    private String text(Key k, String key) {
        return text(k.node(), k.where(), k.path() + "." + key, key);
    }

    private Integer optionalInteger(Key k, String key) {
        return k.node().has(key) ? integer(k.node(), k.where(), k.path() + "." + key, key) : null;
    }

    private Boolean bool(JsonNode parent, String where, String key) {
        JsonNode value = parent.get(key);
        if (value == null || !value.isBoolean()) {
            problems.add(where + ": " + key + ": must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    private String text(JsonNode parent, String where, String key) {
        return text(parent, where, key, key);
    }

    private String text(JsonNode parent, String where, String path, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            problems.add(where + ": " + path + ": is required");
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(where + ": " + path + ": must be a plain value, not a " + value.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        return value.asText();
    }

    private Integer integer(JsonNode parent, String where, String key) {
        return integer(parent, where, key, key);
    }

    private Integer integer(JsonNode parent, String where, String path, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            problems.add(where + ": " + path + ": is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(where + ": " + path + ": must be a whole number, not '" + value.asText() + "'");
            return null;
        }
        return value.intValue();
    }

    private void rejectUnknownKeys(JsonNode node, String where, Set<String> allowed) {
        rejectUnknownKeys(node, where, "", allowed);
    }

    private void rejectUnknownKeys(JsonNode node, String where, String prefix, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(where + ": " + prefix + key + ": unknown key; expected one of "
                        + String.join(", ", sorted(allowed)));
            }
        });
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private record RuleNode(JsonNode node, String where) {
    }

    /** A condition being read: its node, its rule ({@code where}) and its path inside the rule. */
    private record Key(JsonNode node, String where, String path) {
    }
}
