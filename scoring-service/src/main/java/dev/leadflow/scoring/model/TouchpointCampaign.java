package dev.leadflow.scoring.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The touchpoint belongs to one of {@code campaigns} (ignoring case): its own campaign, else its
 * {@code utm_campaign}.
 */
public record TouchpointCampaign(Set<String> campaigns) implements TouchpointCondition {

    public TouchpointCampaign {
        if (campaigns == null || campaigns.isEmpty() || campaigns.stream().anyMatch(LeadFacts::isBlank)) {
            throw new IllegalArgumentException("values: must list at least one campaign, none blank");
        }
        campaigns = campaigns.stream().map(TouchpointCampaign::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        String campaign = LeadFacts.isBlank(touchpoint.campaign()) ? touchpoint.utm().campaign()
                : touchpoint.campaign();
        return !LeadFacts.isBlank(campaign) && campaigns.contains(normalise(campaign));
    }

    private static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
