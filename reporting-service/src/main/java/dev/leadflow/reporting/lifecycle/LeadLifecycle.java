package dev.leadflow.reporting.lifecycle;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.reporting.speedtolead.SpeedToLead;
import dev.leadflow.reporting.speedtolead.SpeedToLeadStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * When a lead reached each stage of its lifecycle, built from events that arrive on different topics and so in
 * any order. Every field is merged commutatively (the earliest instant of a stage, the latest score and owner),
 * so the same events give the same lifecycle whatever their order, and a replayed event changes nothing.
 *
 * <p>Each stage instant is taken from any event that carries it: {@code lead.routed} also tells when the lead
 * was captured and qualified, so a lead routed before its {@code lead.captured} arrives already has its stages.
 *
 * @param latestScore the score with the latest {@code scoredAt}, or null
 * @param owner       the owner of the latest routing, or null
 */
public record LeadLifecycle(
        UUID leadId,
        Instant capturedAt,
        Instant scoredAt,
        Score latestScore,
        Instant qualifiedAt,
        Instant routedAt,
        Owner owner,
        Instant contactedAt,
        Instant slaBreachedAt) {

    /** A score of the lead at {@code scoredAt}. */
    public record Score(int total, int fit, int engagement, Instant scoredAt) {
        static final Comparator<Score> LATEST_LAST = Comparator.comparing(Score::scoredAt)
                .thenComparingInt(Score::total).thenComparingInt(Score::fit).thenComparingInt(Score::engagement);
    }

    /** Who the lead was assigned to at {@code routedAt}; {@code type} is {@code rep} or {@code queue}. */
    public record Owner(String id, String name, String type, Instant routedAt) {
        static final Comparator<Owner> LATEST_LAST = Comparator.comparing(Owner::routedAt)
                .thenComparing(Owner::id, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Owner::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Owner::type, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    public LeadLifecycle {
        Objects.requireNonNull(leadId, "leadId");
    }

    /** A lead no event has been projected for yet. */
    public static LeadLifecycle unknown(UUID leadId) {
        return new LeadLifecycle(leadId, null, null, null, null, null, null, null, null);
    }

    public LifecycleChange apply(LeadCaptured event) {
        return changeTo(withStages(event.capturedAt(), null, null, null, null, null), List.of());
    }

    public LifecycleChange apply(LeadScored event) {
        LeadLifecycle after = withStages(event.capturedAt(), event.scoredAt(), null, null, null, null);
        Score score = new Score(event.total(), event.fit(), event.engagement(), event.scoredAt());
        return changeTo(after.withLatestScore(latest(latestScore, score, Score.LATEST_LAST)), List.of());
    }

    public LifecycleChange apply(LeadQualified event) {
        return changeTo(withStages(event.capturedAt(), null, event.qualifiedAt(), null, null, null), List.of());
    }

    /**
     * Observes capture-to-routed for every first routing of a qualification: both instants travel in the event
     * itself. A reassignment after a missed SLA ({@code reassignments > 0}) only changes the owner: the lead was
     * routed already, and its later routedAt would count a second, slower speed-to-lead.
     */
    public LifecycleChange apply(LeadRouted event) {
        LeadLifecycle after = withStages(event.capturedAt(), null, event.qualifiedAt(), event.routedAt(), null, null);
        Owner routedTo = new Owner(event.ownerId(), event.ownerName(), event.ownerType(), event.routedAt());
        List<Observation> observations = new ArrayList<>();
        if (event.reassignments() == 0) {
            SpeedToLead.elapsed(event.capturedAt(), event.routedAt()).ifPresent(elapsed ->
                    observations.add(new Observation.SpeedToLead(SpeedToLeadStage.CAPTURE_TO_ROUTED, elapsed)));
        }
        return changeTo(after.withOwner(latest(owner, routedTo, Owner.LATEST_LAST)), observations);
    }

    public LifecycleChange apply(LeadContacted event) {
        return changeTo(withStages(null, null, null, null, event.contactedAt(), null), List.of());
    }

    public LifecycleChange apply(LeadSlaBreached event) {
        LeadLifecycle after = withStages(null, null, null, event.routedAt(), null, event.breachedAt());
        return changeTo(after, List.of(new Observation.SlaBreach()));
    }

    /** Routed-to-contact wait, once both instants are known and in that order. */
    public Optional<Duration> routedToContact() {
        return SpeedToLead.elapsed(routedAt, contactedAt);
    }

    /**
     * Observes routed-to-contact exactly once: when the change first makes it known, whichever of routing or
     * contact arrived last.
     */
    private LifecycleChange changeTo(LeadLifecycle after, List<Observation> observations) {
        List<Observation> all = new ArrayList<>(observations);
        if (routedToContact().isEmpty()) {
            after.routedToContact().ifPresent(elapsed ->
                    all.add(new Observation.SpeedToLead(SpeedToLeadStage.ROUTED_TO_CONTACT, elapsed)));
        }
        return new LifecycleChange(after, all);
    }

    private LeadLifecycle withStages(Instant captured, Instant scored, Instant qualified, Instant routed,
            Instant contacted, Instant slaBreached) {
        return new LeadLifecycle(leadId, earliest(capturedAt, captured), earliest(scoredAt, scored), latestScore,
                earliest(qualifiedAt, qualified), earliest(routedAt, routed), owner, earliest(contactedAt, contacted),
                earliest(slaBreachedAt, slaBreached));
    }

    private LeadLifecycle withLatestScore(Score score) {
        return new LeadLifecycle(leadId, capturedAt, scoredAt, score, qualifiedAt, routedAt, owner, contactedAt,
                slaBreachedAt);
    }

    private LeadLifecycle withOwner(Owner newOwner) {
        return new LeadLifecycle(leadId, capturedAt, scoredAt, latestScore, qualifiedAt, routedAt, newOwner,
                contactedAt, slaBreachedAt);
    }

    private static Instant earliest(Instant known, Instant candidate) {
        if (known == null) {
            return candidate;
        }
        return candidate == null || known.isBefore(candidate) ? known : candidate;
    }

    private static <T> T latest(T known, T candidate, Comparator<T> order) {
        return known == null || order.compare(candidate, known) > 0 ? candidate : known;
    }
}
