package dev.leadflow.scoring.bench;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;
import dev.leadflow.scoring.model.CompanySizeAtLeast;
import dev.leadflow.scoring.model.Decay;
import dev.leadflow.scoring.model.EngagementRule;
import dev.leadflow.scoring.model.ExpiresAfter;
import dev.leadflow.scoring.model.FieldContains;
import dev.leadflow.scoring.model.FieldIn;
import dev.leadflow.scoring.model.FieldMatches;
import dev.leadflow.scoring.model.FieldRange;
import dev.leadflow.scoring.model.FitRule;
import dev.leadflow.scoring.model.FreeMailDomain;
import dev.leadflow.scoring.model.HalfLife;
import dev.leadflow.scoring.model.LeadAll;
import dev.leadflow.scoring.model.LeadCondition;
import dev.leadflow.scoring.model.LeadFacts;
import dev.leadflow.scoring.model.LeadField;
import dev.leadflow.scoring.model.LeadNot;
import dev.leadflow.scoring.model.Score;
import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.model.Touchpoint;
import dev.leadflow.scoring.model.TouchpointAll;
import dev.leadflow.scoring.model.TouchpointCampaign;
import dev.leadflow.scoring.model.TouchpointCondition;
import dev.leadflow.scoring.model.TouchpointCount;
import dev.leadflow.scoring.model.TouchpointType;
import dev.leadflow.scoring.model.TouchpointUrlMatches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Evaluations per second of a 50-rule model (20 fit rules, 30 engagement rules with decay, caps, count windows and
 * combinations) for one lead with {@code touchpoints} touchpoints spread over 120 days. Run with the {@code jmh}
 * profile (see scoring-service/README.md); never part of {@code verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringModelBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private static final List<String> TYPES = List.of("page_view", "pricing_page_view", "form_submit", "email_open",
            "email_click", "ad_click", "webinar_registered", "webinar_attended", "content_download", "redirect");

    @Param({"10", "100"})
    public int touchpoints;

    private ScoringModel model;
    private LeadFacts lead;
    private List<Touchpoint> journey;

    @Setup
    public void setUp() {
        model = fiftyRuleModel();
        lead = new LeadFacts(new LeadProfile("ada@acme.example", "Ada", "Lovelace", "Acme", "VP Marketing",
                "+4930123456", "DE", "1000-4999", "software"), new Utm("google", "cpc", "brand", null, null),
                "demo-request", "https://acme.example/pricing", "https://www.google.com/", false);
        Random random = new Random(7);
        journey = new ArrayList<>();
        for (int i = 0; i < touchpoints; i++) {
            String type = TYPES.get(random.nextInt(TYPES.size()));
            journey.add(new Touchpoint(UUID.randomUUID(), type, "https://acme.example/" + (random.nextInt(5) == 0
                    ? "pricing" : "blog/post-" + random.nextInt(40)) + "?utm_source=newsletter", random.nextBoolean()
                    ? "spring-launch" : null, null, NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 120)))));
        }
    }

    @Benchmark
    public Score evaluate() {
        return model.score(lead, journey, NOW);
    }

    static ScoringModel fiftyRuleModel() {
        List<FitRule> fit = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fit.add(new FitRule("title-" + i, "Title " + i, 10 + i, new FieldMatches(LeadField.JOB_TITLE,
                    Pattern.compile("(?i)\\b(vp|chief|head|director|manager" + i + ")\\b"))));
            fit.add(new FitRule("country-" + i, "Country " + i, 5, new FieldIn(LeadField.COUNTRY,
                    Set.of("US", "CA", "GB", "DE", "FR", "NL", "X" + i))));
            fit.add(new FitRule("size-" + i, "Size " + i, 5 * i + 1, i % 2 == 0 ? new CompanySizeAtLeast(50 * (i + 1))
                    : new FieldRange(LeadField.COMPANY_SIZE, 100 * i, 5000)));
            LeadCondition combined = i % 2 == 0
                    ? new LeadAll(List.of(new FieldContains(LeadField.INDUSTRY, "soft"),
                            new LeadNot(new FreeMailDomain())))
                    : new FreeMailDomain();
            fit.add(new FitRule("mixed-" + i, "Mixed " + i, i % 2 == 0 ? 10 : -20, combined));
        }
        List<EngagementRule> engagement = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TouchpointCondition type = new TouchpointType(Set.of(TYPES.get(i % TYPES.size())));
            Decay decay = switch (i % 3) {
                case 0 -> Decay.NONE;
                case 1 -> new HalfLife(Duration.ofDays(30));
                default -> new ExpiresAfter(Duration.ofDays(90));
            };
            EngagementRule rule = switch (i % 5) {
                case 0 -> new EngagementRule("count-" + i, "Count " + i, 10,
                        new TouchpointCount(type, 3, Duration.ofDays(7 + i)), false, null, Decay.NONE);
                case 1 -> new EngagementRule("url-" + i, "URL " + i, 15, new TouchpointAll(List.of(type,
                        new TouchpointUrlMatches(Pattern.compile("(?i)/pricing(\\b|/|$)")))), true, 45, decay);
                case 2 -> new EngagementRule("campaign-" + i, "Campaign " + i, 5,
                        new TouchpointCampaign(Set.of("spring-launch")), i % 2 == 0, 20, decay);
                default -> new EngagementRule("type-" + i, "Type " + i, i % 7 == 0 ? -5 : 3, type, true, 30, decay);
            };
            engagement.add(rule);
        }
        return new ScoringModel("bench-50", 100, fit, engagement);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ScoringModelBenchmark.class.getSimpleName()).build()).run();
    }
}
