package dev.leadflow.systemtests.faults;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.systemtests.faults.LeadTraffic.Attempt;
import dev.leadflow.systemtests.faults.LeadTraffic.Kind;
import dev.leadflow.systemtests.faults.LeadTraffic.Submission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Judges one scenario from the outside: the answers its submissions got, and what the topics hold for its leads.
 * Lost and duplicated compare sets: every accepted submission must be on {@code leads.captured}, every accepted
 * touchpoint on {@code leads.touchpoints}, every qualified lead routed exactly once per qualification. A second
 * record with an event id already seen is a redelivery copy (at least once, absorbed by every consumer's inbox),
 * counted apart. Routing decisions are keyed by {@code (qualificationId, reassignments)}: a reassignment after a
 * missed first-contact SLA ({@code reassignments > 0}) is a new assignment, not a duplicate, and only first routings
 * ({@code reassignments == 0}) count as routed; a second decision for the same pair is a duplicate.
 */
record ScenarioVerdict(
        String scenario,
        int sent,
        int accepted,
        int qualifying,
        int qualified,
        int routed,
        int lost,
        int duplicated,
        int copies,
        double slowestRouteSeconds,
        int retriedAnswers,
        int unanswered,
        List<String> problems) {

    static ScenarioVerdict judge(String scenario, List<Submission> submissions, TopicLedger ledger) {
        List<String> problems = new ArrayList<>();
        int retried = 0;
        int unanswered = 0;
        for (Submission submission : submissions) {
            for (Attempt attempt : submission.attempts()) {
                if (attempt.status() == Attempt.NO_ANSWER) {
                    unanswered++;
                } else if (!attempt.isClear()) {
                    problems.add("#" + submission.number() + " " + submission.kind() + " got " + describe(attempt));
                } else if (attempt.status() != 202) {
                    retried++;
                }
            }
        }
        List<Submission> accepted = submissions.stream().filter(Submission::accepted).toList();
        int notAccepted = submissions.size() - accepted.size();
        if (notAccepted > 0) {
            problems.add(notAccepted + " submissions never got a 202");
        }

        int lost = 0;
        int duplicated = 0;
        int copies = 0;
        Map<UUID, Integer> freshAnswers = new HashMap<>();
        Set<UUID> qualifyingLeads = new HashSet<>();
        Set<UUID> coldLeads = new HashSet<>();
        Set<UUID> touchpoints = new HashSet<>();
        for (Submission submission : accepted) {
            switch (submission.kind()) {
                case QUALIFYING -> qualifyingLeads.add(submission.leadId());
                case COLD -> coldLeads.add(submission.leadId());
                case RETURNING -> {
                    if (!submission.leadId().equals(submission.earlier().leadId())) {
                        problems.add("#" + submission.number() + " returning email got a second leadId");
                    }
                }
                case TOUCHPOINTS -> touchpoints.addAll(submission.touchpointIds());
            }
            boolean replayed = submission.attempts().stream().anyMatch(a -> a.status() == 202 && a.replayed());
            if (submission.kind() != Kind.TOUCHPOINTS && !replayed) {
                freshAnswers.merge(submission.leadId(), 1, Integer::sum);
            }
        }

        for (Map.Entry<UUID, Integer> lead : freshAnswers.entrySet()) {
            List<LeadCaptured> events = ledger.captured.getOrDefault(lead.getKey(), List.of());
            List<LeadCaptured> distinct = TopicLedger.distinct(events);
            copies += TopicLedger.copies(events);
            lost += Math.max(0, lead.getValue() - distinct.size());
            if (distinct.stream().map(e -> e.profile().email()).distinct().count() > 1) {
                problems.add("lead " + lead.getKey() + " carries more than one email");
            }
            for (int i = 1; i < distinct.size(); i++) {
                if (distinct.get(i).capturedAt().isBefore(distinct.get(i - 1).capturedAt())) {
                    problems.add("lead " + lead.getKey() + ": lead.captured of " + distinct.get(i - 1).capturedAt()
                            + " after the one of " + distinct.get(i).capturedAt());
                }
            }
        }
        for (UUID touchpoint : touchpoints) {
            if (!ledger.touchpointIds.contains(touchpoint)) {
                lost++;
            }
        }

        int qualified = 0;
        int routed = 0;
        long slowestRouteMillis = 0;
        Set<UUID> allLeads = new HashSet<>(qualifyingLeads);
        allLeads.addAll(coldLeads);
        for (UUID lead : allLeads) {
            List<LeadQualified> qualifications = TopicLedger.distinct(ledger.qualified.getOrDefault(lead, List.of()));
            List<LeadRouted> routings = ledger.routed.getOrDefault(lead, List.of());
            List<LeadRouted> decisions = TopicLedger.distinct(routings);
            copies += TopicLedger.copies(routings);
            Map<Assignment, Integer> perAssignment = new HashMap<>();
            decisions.forEach(decision -> perAssignment.merge(
                    new Assignment(decision.qualificationId(), decision.reassignments()), 1, Integer::sum));
            List<LeadRouted> firstRoutings = decisions.stream().filter(decision -> decision.reassignments() == 0)
                    .toList();
            if (coldLeads.contains(lead) && !qualifications.isEmpty()) {
                problems.add("cold lead " + lead + " qualified");
            }
            if (qualifyingLeads.contains(lead) && qualifications.isEmpty()) {
                problems.add("qualifying lead " + lead + " never qualified");
            }
            qualified += qualifications.size() > 0 ? 1 : 0;
            routed += firstRoutings.isEmpty() ? 0 : 1;
            if (qualifications.size() > 1) {
                duplicated++; // one lead, one qualification, unless recycled (not in this traffic)
            }
            Set<UUID> qualificationIds = new HashSet<>();
            qualifications.forEach(q -> qualificationIds.add(q.qualificationId()));
            Set<UUID> routedQualifications = new HashSet<>();
            firstRoutings.forEach(decision -> routedQualifications.add(decision.qualificationId()));
            lost += (int) qualificationIds.stream().filter(id -> !routedQualifications.contains(id)).count();
            duplicated += perAssignment.values().stream().mapToInt(count -> count - 1).sum();
            for (LeadRouted decision : decisions) {
                if (decision.reassignments() == 0) {
                    // A reassignment comes minutes later by design: speed-to-lead is the first routing's.
                    slowestRouteMillis = Math.max(slowestRouteMillis,
                            decision.routedAt().toEpochMilli() - decision.capturedAt().toEpochMilli());
                }
                if (!qualificationIds.contains(decision.qualificationId())) {
                    problems.add("lead " + lead + " routed for a qualification never published");
                }
                if (decision.qualifiedAt().isBefore(decision.capturedAt())
                        || decision.routedAt().isBefore(decision.qualifiedAt())) {
                    problems.add("lead " + lead + ": captured, qualified and routed times out of order");
                }
            }
        }
        return new ScenarioVerdict(scenario, submissions.size(), accepted.size(), qualifyingLeads.size(), qualified, routed, lost, duplicated,
                copies, slowestRouteMillis / 1000.0, retried, unanswered, problems);
    }

    /** One assignment of a qualification: its first routing (0) or its n-th reassignment. */
    private record Assignment(UUID qualificationId, int reassignments) {
    }

    /** Whether the topics hold everything the accepted submissions promise (no more waiting needed). */
    boolean settled() {
        return lost == 0 && qualified >= qualifying && qualified == routed;
    }

    private static String describe(Attempt attempt) {
        if (attempt.status() == Attempt.TIMED_OUT) {
            return attempt.error();
        }
        String body = attempt.body().length() > 200 ? attempt.body().substring(0, 200) + "…" : attempt.body();
        return attempt.status() + " (Retry-After " + attempt.retryAfterSeconds() + ", " + attempt.contentType() + ") "
                + body;
    }
}
