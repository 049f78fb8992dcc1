package dev.leadflow.scoring.model;

import static dev.leadflow.scoring.model.Leads.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TouchpointConditionsTest {

    @Test
    void touchpointTypeMatchesAnyListedTypeIgnoringCase() {
        TouchpointType content = new TouchpointType(Set.of("content_download", "WEBINAR"));

        assertThat(content.matches(touchpoint("webinar", null, 0))).isTrue();
        assertThat(content.matches(touchpoint("Content_Download", null, 0))).isTrue();
        assertThat(content.matches(touchpoint("page_view", null, 0))).isFalse();
    }

    @Test
    void touchpointTypeNeedsAtLeastOneType() {
        assertThatThrownBy(() -> new TouchpointType(Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("types:");
    }

    @Test
    void touchpointUrlMatchesFindsThePatternInTheUrl() {
        TouchpointUrlMatches pricing = new TouchpointUrlMatches(Pattern.compile("(?i)/pricing(\\b|/|$)"));

        assertThat(pricing.matches(touchpoint("page_view", "https://acme.example/Pricing?plan=team", 0))).isTrue();
        assertThat(pricing.matches(touchpoint("form_submit", "https://acme.example/pricing", 0))).isTrue();
        assertThat(pricing.matches(touchpoint("page_view", "https://acme.example/blog/pricingstrategy", 0))).isFalse();
    }

    @Test
    void touchpointUrlMatchesNeverMatchesATouchpointWithoutUrl() {
        assertThat(new TouchpointUrlMatches(Pattern.compile(".*")).matches(touchpoint("webinar", null, 0))).isFalse();
    }

    @Test
    void touchpointEvidenceLeavesOutQueryAndFragment() {
        assertThat(touchpoint("page_view", "https://acme.example/pricing?email=ada@acme.example#top", 0).evidence())
                .isEqualTo("page_view acme.example/pricing");
        assertThat(touchpoint("webinar", null, 0).evidence()).isEqualTo("webinar");
    }
}
