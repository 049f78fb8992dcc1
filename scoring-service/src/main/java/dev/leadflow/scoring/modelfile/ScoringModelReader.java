package dev.leadflow.scoring.modelfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadflow.scoring.model.CompanySizeAtLeast;
import dev.leadflow.scoring.model.Condition;
import dev.leadflow.scoring.model.EngagementRule;
import dev.leadflow.scoring.model.FieldEquals;
import dev.leadflow.scoring.model.FieldIn;
import dev.leadflow.scoring.model.FieldMatches;
import dev.leadflow.scoring.model.FieldPresent;
import dev.leadflow.scoring.model.FitRule;
import dev.leadflow.scoring.model.FreeMailDomain;
import dev.leadflow.scoring.model.LeadCondition;
import dev.leadflow.scoring.model.LeadField;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.TouchpointCondition;
import dev.leadflow.scoring.model.TouchpointType;
import dev.leadflow.scoring.model.TouchpointUrlMatches;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    private static final Set<String> MODEL_KEYS = Set.of("version", "threshold", "fit", "engagement");
    private static final Set<String> FIT_RULE_KEYS = Set.of("id", "description", "points", "condition");
    private static final Set<String> ENGAGEMENT_RULE_KEYS = Set.of("id", "description", "points", "condition",
            "maxPoints");
    /** Each condition type and the keys it takes besides {@code type}. */
    private static final Map<String, Set<String>> CONDITION_KEYS = Map.of(
            "field-matches", Set.of("field", "pattern"),
            "field-in", Set.of("field", "values"),
            "field-equals", Set.of("field", "value"),
            "field-present", Set.of("field"),
            "company-size-at-least", Set.of("employees"),
            "free-mail-domain", Set.of("domains"),
            "touchpoint-type", Set.of("types"),
            "touchpoint-url-matches", Set.of("pattern"));

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ScoringModelReader(String source) {
        this.source = source;
    }

    /** Reads the model at {@code location}: {@code classpath:<resource>} or a file path. */
    public static ScoringModel load(String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidScoringModelException(location, List.of("no such resource on the classpath"));
                }
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read scoring model " + location, e);
            }
        }
        try {
            return read(Files.readString(Path.of(location)), location);
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

    private ScoringModel model(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidScoringModelException(source,
                    List.of("the model must be a mapping with keys " + String.join(", ", sorted(MODEL_KEYS))));
        }
        rejectUnknownKeys(root, "model", MODEL_KEYS);
        String version = text(root, "model", "version");
        Integer threshold = root.has("threshold") ? integer(root, "model", "threshold")
                : Integer.valueOf(ScoringModel.DEFAULT_THRESHOLD);
        List<FitRule> fit = rules(root, "fit", this::fitRule);
        List<EngagementRule> engagement = rules(root, "engagement", this::engagementRule);
        if (problems.isEmpty()) {
            try {
                return new ScoringModel(version, threshold, fit, engagement);
            } catch (IllegalArgumentException e) {
                problems.add("model: " + e.getMessage());
            }
        }
        throw new InvalidScoringModelException(source, problems);
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
        Condition condition = condition(rule.node().get("condition"), rule.where());
        if (condition instanceof TouchpointCondition) {
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
        rejectUnknownKeys(rule.node(), rule.where(), ENGAGEMENT_RULE_KEYS);
        String id = text(rule.node(), rule.where(), "id");
        String description = text(rule.node(), rule.where(), "description");
        Integer points = integer(rule.node(), rule.where(), "points");
        Integer maxPoints = rule.node().has("maxPoints") ? integer(rule.node(), rule.where(), "maxPoints") : null;
        Condition condition = condition(rule.node().get("condition"), rule.where());
        if (condition instanceof LeadCondition) {
            problems.add(rule.where() + ": condition.type: '" + rule.node().get("condition").get("type").asText()
                    + "' tests the lead, so it belongs in a fit rule; engagement rules test touchpoints");
            return null;
        }
        boolean maxPointsInvalid = rule.node().has("maxPoints") && maxPoints == null;
        if (id == null || description == null || points == null || condition == null || maxPointsInvalid) {
            return null;
        }
        try {
            return new EngagementRule(id, description, points, (TouchpointCondition) condition, maxPoints);
        } catch (IllegalArgumentException e) {
            problems.add(rule.where() + ": " + e.getMessage());
            return null;
        }
    }

    private Condition condition(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            problems.add(where + ": condition: is required");
            return null;
        }
        if (!node.isObject()) {
            problems.add(where + ": condition: must be a mapping with a type");
            return null;
        }
        String type = text(node, where, "condition.type", "type");
        if (type == null) {
            return null;
        }
        Set<String> keys = CONDITION_KEYS.get(type);
        if (keys == null) {
            problems.add(where + ": condition.type: unknown type '" + type + "'; known types: "
                    + String.join(", ", sorted(CONDITION_KEYS.keySet())));
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(keys);
        allowed.add("type");
        rejectUnknownKeys(node, where, "condition.", allowed);
        int problemsBefore = problems.size();
        return switch (type) {
            case "field-matches" -> build(problemsBefore, where, field(node, where), pattern(node, where),
                    FieldMatches::new);
            case "field-in" -> build(problemsBefore, where, field(node, where), stringSet(node, where, "values", true),
                    FieldIn::new);
            case "field-equals" -> build(problemsBefore, where, field(node, where),
                    text(node, where, "condition.value", "value"), FieldEquals::new);
            case "field-present" -> build(problemsBefore, where, field(node, where), FieldPresent::new);
            case "company-size-at-least" -> build(problemsBefore, where,
                    integer(node, where, "condition.employees", "employees"), CompanySizeAtLeast::new);
            case "free-mail-domain" -> build(problemsBefore, where, stringSet(node, where, "domains", false),
                    FreeMailDomain::new);
            case "touchpoint-type" -> build(problemsBefore, where, stringSet(node, where, "types", true),
                    TouchpointType::new);
            case "touchpoint-url-matches" -> build(problemsBefore, where, pattern(node, where),
                    TouchpointUrlMatches::new);
            default -> throw new IllegalStateException("Condition type " + type + " has keys but no reader");
        };
    }

    private <A> Condition build(int problemsBefore, String where, A a, Function<A, Condition> constructor) {
        return build(problemsBefore, where, a, null, (first, unused) -> constructor.apply(first));
    }

    /**
     * Builds a condition from values read just before, unless reading them found a problem (already reported); the
     * condition's own checks (e.g. a positive head count) are reported under the rule too.
     */
    private <A, B> Condition build(int problemsBefore, String where, A a, B b,
            BiFunction<A, B, Condition> constructor) {
        if (problems.size() > problemsBefore) {
            return null;
        }
        try {
            return constructor.apply(a, b);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": condition." + e.getMessage());
            return null;
        }
    }

    private LeadField field(JsonNode condition, String where) {
        String key = text(condition, where, "condition.field", "field");
        if (key == null) {
            return null;
        }
        return LeadField.byKey(key).orElseGet(() -> {
            problems.add(where + ": condition.field: unknown lead field '" + key + "'; known fields: "
                    + LeadField.keys());
            return null;
        });
    }

    private Pattern pattern(JsonNode condition, String where) {
        String regex = text(condition, where, "condition.pattern", "pattern");
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(where + ": condition.pattern: invalid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
            return null;
        }
    }

    private Set<String> stringSet(JsonNode condition, String where, String key, boolean required) {
        JsonNode list = condition.get(key);
        if (list == null || list.isNull()) {
            if (required) {
                problems.add(where + ": condition." + key + ": is required");
            }
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(where + ": condition." + key + ": must be a non-empty list");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : list) {
            if (!value.isValueNode() || value.isNull()) {
                problems.add(where + ": condition." + key + ": every entry must be a plain value");
                return null;
            }
            values.add(value.asText());
        }
        return values;
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
}
