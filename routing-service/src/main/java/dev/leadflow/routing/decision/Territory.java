package dev.leadflow.routing.decision;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sales territory: a lead is in it when its country is listed, or its region is, or its postal code falls in one
 * of the ranges (given together with a country when {@code countries} is not empty). Rules use territories as a
 * condition ({@link Condition.InTerritory}).
 */
public record Territory(String id, Set<String> countries, Set<String> regions, List<PostalRange> postalCodes) {

    public Territory {
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
        postalCodes = List.copyOf(postalCodes);
    }

    /** Why the lead is in the territory, or null when it is not. */
    public String matchOf(Lead lead) {
        boolean countryListed = lead.country() != null && countries.contains(lead.country().toUpperCase(Locale.ROOT));
        if (!postalCodes.isEmpty()) {
            // Postal codes only mean something within a country: a listed country narrows the ranges to it.
            if (lead.postalCode() == null || !countries.isEmpty() && !countryListed) {
                return null;
            }
            return postalCodes.stream().filter(range -> range.contains(lead.postalCode())).findFirst()
                    .map(range -> "postal code " + lead.postalCode() + " in " + range).orElse(null);
        }
        if (countryListed) {
            return "country " + lead.country();
        }
        if (lead.region() != null && regions.contains(lead.region())) {
            return "region " + lead.region();
        }
        return null;
    }

    /** Postal codes from {@code from} to {@code to} inclusive, compared as text of the same length. */
    public record PostalRange(String from, String to) {

        public PostalRange {
            if (from == null || to == null || from.length() != to.length() || from.compareTo(to) > 0) {
                throw new IllegalArgumentException("a postal-code range needs from <= to of the same length");
            }
        }

        public boolean contains(String code) {
            String normalised = code.replace(" ", "").toUpperCase(Locale.ROOT);
            return normalised.length() == from.length() && normalised.compareTo(from) >= 0
                    && normalised.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }
}
