package dev.leadflow.routing.decision;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One test a rule makes on a lead. A lead missing the field never matches. Text comparisons ignore case. */
public sealed interface Condition {

    /** Tests the lead and says why it matched or not, e.g. {@code country GB not in [AT, CH, DE]}. */
    Check check(Lead lead, Map<String, Territory> territories);

    /** The outcome of one condition on one lead. */
    record Check(boolean matched, String explanation) {
    }

    /** The lead's field value is one of {@code values} (country, company size band, industry, form, UTM, ...). */
    record FieldIn(LeadField field, Set<String> values) implements Condition {

        public FieldIn {
            Set<String> normalised = new TreeSet<>();
            values.forEach(value -> normalised.add(value.trim().toLowerCase(Locale.ROOT)));
            values = Set.copyOf(normalised);
        }

        @Override
        public Check check(Lead lead, Map<String, Territory> territories) {
            String value = field.of(lead);
            String listed = new TreeSet<>(values).toString();
            if (value == null || value.isBlank()) {
                return new Check(false, field.label() + " missing");
            }
            boolean in = values.contains(value.trim().toLowerCase(Locale.ROOT));
            return new Check(in, field.label() + " " + value + (in ? " in " : " not in ") + listed);
        }
    }

    /** The job title contains a match of {@code pattern} (case-insensitive), e.g. {@code \bVP\b|chief}. */
    record JobTitleMatches(Pattern pattern) implements Condition {

        public static JobTitleMatches of(String regex) {
            return new JobTitleMatches(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }

        @Override
        public Check check(Lead lead, Map<String, Territory> territories) {
            if (lead.jobTitle() == null || lead.jobTitle().isBlank()) {
                return new Check(false, "job title missing");
            }
            boolean found = pattern.matcher(lead.jobTitle()).find();
            return new Check(found, "job title " + (found ? "matches /" : "does not match /") + pattern.pattern() + "/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof JobTitleMatches that && pattern.pattern().equals(that.pattern.pattern());
        }

        @Override
        public int hashCode() {
            return pattern.pattern().hashCode();
        }
    }

    /** The score is at least {@code minimum}. */
    record ScoreAtLeast(int minimum) implements Condition {

        @Override
        public Check check(Lead lead, Map<String, Territory> territories) {
            if (lead.score() == null) {
                return new Check(false, "score missing");
            }
            boolean enough = lead.score() >= minimum;
            return new Check(enough, "score " + lead.score() + (enough ? " >= " : " < ") + minimum);
        }
    }

    /** The lead is in the territory {@code territoryId} of the model. */
    record InTerritory(String territoryId) implements Condition {

        @Override
        public Check check(Lead lead, Map<String, Territory> territories) {
            Territory territory = territories.get(territoryId);
            String match = territory == null ? null : territory.matchOf(lead);
            return match == null
                    ? new Check(false, "not in territory " + territoryId)
                    : new Check(true, "in territory " + territoryId + " (" + match + ")");
        }
    }
}
