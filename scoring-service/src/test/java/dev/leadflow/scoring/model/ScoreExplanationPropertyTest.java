package dev.leadflow.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "The explanation's points always add up to the score", checked over many random models, leads, journeys and
 * moments of scoring: the reasons add up to fit, engagement and total; each engagement reason's touchpoint shares add
 * up to its points; and each reason's points are the rule's exact (decayed, capped) total rounded half away from zero.
 */
class ScoreExplanationPropertyTest {

    private static final List<String> TYPES = List.of("page_view", "form_submit", "webinar", "content_download",
            "email_click");
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theExplanationAlwaysAddsUpToTheScore() {
        Random random = new Random(20261124);
        for (int run = 0; run < 3_000; run++) {
            List<EngagementRule> rules = randomRules(random);
            ScoringModel model = new ScoringModel("random-" + run, 100, List.of(
                    new FitRule("size", "Size", random.nextInt(20) + 1, new CompanySizeAtLeast(200)),
                    new FitRule("free-mail", "Free mail", -15, new FreeMailDomain())), rules);
            LeadFacts lead = new LeadFacts(new LeadProfile(random.nextBoolean() ? "a@gmail.com" : "a@acme.example",
                    null, null, null, null, null, null, random.nextBoolean() ? "1000+" : "10", null), null, null, null,
                    null, false);
            List<Touchpoint> journey = randomJourney(random);
            Instant now = EPOCH.plus(Duration.ofHours(random.nextInt(24 * 400)));

            Score score = model.score(lead, journey, now);

            String label = "run " + run;
            assertThat(score.reasons().stream().mapToInt(ScoreReason::points).sum()).as(label).isEqualTo(score.total());
            assertThat(score.fit() + score.engagement()).as(label).isEqualTo(score.total());
            for (ScoreReason reason : score.reasons()) {
                assertThat(reason.points()).as(label + " " + reason.ruleId()).isNotZero();
                if ("engagement".equals(reason.dimension())) {
                    assertThat(reason.details().stream().mapToInt(ScoreEvidence::points).sum())
                            .as(label + " details of " + reason.ruleId()).isEqualTo(reason.points());
                }
            }
            for (EngagementRule rule : rules) {
                int expected = expectedPoints(rule, journey, now);
                int actual = score.reasons().stream().filter(reason -> reason.ruleId().equals(rule.id()))
                        .mapToInt(ScoreReason::points).sum();
                assertThat(actual).as(label + " " + rule).isEqualTo(expected);
            }
        }
    }

    /** An independent statement of the rule's points: decay each touchpoint, sum, cap, round. */
    private static int expectedPoints(EngagementRule rule, List<Touchpoint> journey, Instant now) {
        TouchpointCondition condition = (TouchpointCondition) rule.condition();
        double exact = 0;
        Touchpoint latest = null;
        for (Touchpoint touchpoint : journey) {
            if (condition.matches(touchpoint)) {
                if (latest == null || touchpoint.occurredAt().isAfter(latest.occurredAt())) {
                    latest = touchpoint;
                }
                exact += rule.points() * rule.decay().factor(Duration.between(touchpoint.occurredAt(), now));
            }
        }
        if (!rule.recurs()) {
            exact = latest == null ? 0 : rule.points() * rule.decay().factor(Duration.between(latest.occurredAt(), now));
        }
        if (rule.maxPoints() != null && Math.abs(exact) > rule.maxPoints()) {
            exact = Math.signum(exact) * rule.maxPoints();
        }
        return (int) (Math.signum(exact) * Math.round(Math.abs(exact)));
    }

    private static List<EngagementRule> randomRules(Random random) {
        List<EngagementRule> rules = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            int points = (random.nextInt(30) + 1) * (random.nextInt(4) == 0 ? -1 : 1);
            Integer cap = random.nextBoolean() ? Math.abs(points) + random.nextInt(50) : null;
            Decay decay = switch (random.nextInt(3)) {
                case 0 -> Decay.NONE;
                case 1 -> new HalfLife(Duration.ofHours(1 + random.nextInt(24 * 60)));
                default -> new ExpiresAfter(Duration.ofHours(1 + random.nextInt(24 * 120)));
            };
            rules.add(new EngagementRule("rule-" + i, "Rule " + i, points, new TouchpointType(Set.of(TYPES.get(i))),
                    random.nextInt(4) != 0, cap, decay));
        }
        return rules;
    }

    private static List<Touchpoint> randomJourney(Random random) {
        List<Touchpoint> journey = new ArrayList<>();
        int size = random.nextInt(random.nextInt(10) == 0 ? 60 : 12);
        for (int i = 0; i < size; i++) {
            journey.add(new Touchpoint(UUID.randomUUID(), TYPES.get(random.nextInt(TYPES.size())), null, null, null,
                    EPOCH.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 400)))));
        }
        return journey;
    }
}
