package dev.leadflow.scoring.model;

import static dev.leadflow.scoring.model.Leads.T0;
import static dev.leadflow.scoring.model.Leads.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.events.Utm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Test
    void touchpointEvidenceLeavesOutCredentialsAndPortButKeepsRelativeUrls() {
        assertThat(touchpoint("page_view", "https://ada:secret@acme.example:8443/pricing/team?x=1", 0).shownUrl())
                .isEqualTo("acme.example/pricing/team");
        assertThat(touchpoint("page_view", "http://[::1]:8080/a", 0).shownUrl()).isEqualTo("[::1]/a");
        assertThat(touchpoint("page_view", "https://acme.example", 0).shownUrl()).isEqualTo("acme.example");
        assertThat(touchpoint("page_view", "/pricing#plans", 0).shownUrl()).isEqualTo("/pricing");
        assertThat(touchpoint("webinar", null, 0).shownUrl()).isNull();
    }

    @Test
    void touchpointCampaignMatchesTheCampaignElseTheUtmCampaignIgnoringCase() {
        TouchpointCampaign launch = new TouchpointCampaign(Set.of("Spring-Launch"));

        assertThat(launch.matches(new Touchpoint(null, "ad_click", null, "spring-launch", null, T0))).isTrue();
        assertThat(launch.matches(new Touchpoint(null, "ad_click", null, null,
                new Utm("google", "cpc", "SPRING-LAUNCH", null, null), T0))).isTrue();
        assertThat(launch.matches(new Touchpoint(null, "ad_click", null, "brand",
                new Utm(null, null, "spring-launch", null, null), T0))).isFalse();
        assertThat(launch.matches(touchpoint("ad_click", null, 0))).isFalse();
    }

    @Test
    void touchpointUtmMatchesTheNamedParameter() {
        TouchpointUtm paid = new TouchpointUtm(TouchpointUtm.Parameter.MEDIUM, Set.of("cpc", "paid_social"));

        assertThat(paid.matches(new Touchpoint(null, "ad_click", null, null, new Utm("google", "CPC", null, null,
                null), T0))).isTrue();
        assertThat(paid.matches(new Touchpoint(null, "ad_click", null, null, new Utm("cpc", "email", null, null,
                null), T0))).isFalse();
        assertThat(TouchpointUtm.Parameter.byKey("source")).contains(TouchpointUtm.Parameter.SOURCE);
    }

    @Test
    void touchpointCombinationsAndNegation() {
        TouchpointCondition pageView = new TouchpointType(Set.of("page_view"));
        TouchpointCondition pricing = new TouchpointUrlMatches(Pattern.compile("/pricing"));

        assertThat(new TouchpointAll(List.of(pageView, pricing)).matches(touchpoint("page_view", "/pricing", 0)))
                .isTrue();
        assertThat(new TouchpointAll(List.of(pageView, pricing)).matches(touchpoint("form_submit", "/pricing", 0)))
                .isFalse();
        assertThat(new TouchpointAny(List.of(pageView, pricing)).matches(touchpoint("form_submit", "/pricing", 0)))
                .isTrue();
        assertThat(new TouchpointAny(List.of(pageView, pricing)).matches(touchpoint("webinar", null, 0))).isFalse();
        assertThat(new TouchpointNot(pricing).matches(touchpoint("page_view", "/blog", 0))).isTrue();
        assertThat(new TouchpointNot(pricing).matches(touchpoint("page_view", "/pricing", 0))).isFalse();
    }

    @Test
    void touchpointCountNeedsEnoughMatchesInsideTheWindowEndingNow() {
        TouchpointCount threeViewsInAWeek = new TouchpointCount(new TouchpointType(Set.of("page_view")), 3,
                Duration.ofDays(7));
        Instant now = T0.plus(Duration.ofDays(7));
        Touchpoint exactlyAWeekOld = new Touchpoint("page_view", "/a", T0);
        Touchpoint justInside = new Touchpoint("page_view", "/b", T0.plusMillis(1));
        Touchpoint yesterday = new Touchpoint("page_view", "/c", now.minus(Duration.ofDays(1)));
        Touchpoint inTheFuture = new Touchpoint("page_view", "/d", now.plusSeconds(5));
        Touchpoint webinar = new Touchpoint("webinar", null, now.minusSeconds(5));

        assertThat(threeViewsInAWeek.counted(List.of(exactlyAWeekOld, justInside, yesterday, webinar), now)).isEmpty();
        assertThat(threeViewsInAWeek.counted(List.of(exactlyAWeekOld, justInside, yesterday, inTheFuture), now))
                .containsExactly(justInside, yesterday, inTheFuture);
    }

    @Test
    void touchpointCountNeedsAPositiveCountAndWindow() {
        TouchpointType views = new TouchpointType(Set.of("page_view"));

        assertThatThrownBy(() -> new TouchpointCount(views, 0, Duration.ofDays(1)))
                .hasMessage("atLeast: must be at least 1");
        assertThatThrownBy(() -> new TouchpointCount(views, 1, Duration.ZERO))
                .hasMessage("within: must be a positive duration");
    }
}
