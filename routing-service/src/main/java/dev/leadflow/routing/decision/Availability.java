package dev.leadflow.routing.decision;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Whether a rep can take a lead at an instant, and when a rep who cannot will be able to. */
public final class Availability {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);
    /** Enough to skip an absence, a night and a day's capacity in any order, and then some. */
    private static final int MAX_STEPS = 32;

    private Availability() {
    }

    /** Checks in a fixed order: inactive, out of office, outside working hours, at capacity. */
    public static CandidateCheck check(Rep rep, RepLoad load, Instant now) {
        if (!rep.active()) {
            return new CandidateCheck(rep.id(), CandidateStatus.INACTIVE, "inactive");
        }
        Optional<Absence> absence = rep.absenceAt(now);
        if (absence.isPresent()) {
            return new CandidateCheck(rep.id(), CandidateStatus.OUT_OF_OFFICE,
                    "out of office until " + absence.get().until());
        }
        if (!rep.workingHours().isOpenAt(now)) {
            ZonedDateTime local = now.atZone(rep.workingHours().zone());
            return new CandidateCheck(rep.id(), CandidateStatus.OUTSIDE_HOURS, "outside working hours (local time "
                    + LOCAL_TIME.format(local) + " " + rep.workingHours().zone() + ")");
        }
        Capacity capacity = rep.capacity();
        if (capacity.maxOpenLeads() != null && load.openLeads() >= capacity.maxOpenLeads()) {
            return new CandidateCheck(rep.id(), CandidateStatus.AT_CAPACITY,
                    "at capacity: " + load.openLeads() + "/" + capacity.maxOpenLeads() + " open leads");
        }
        if (capacity.maxPerDay() != null && load.today() >= capacity.maxPerDay()) {
            return new CandidateCheck(rep.id(), CandidateStatus.AT_CAPACITY,
                    "at capacity: " + load.today() + "/" + capacity.maxPerDay() + " leads today");
        }
        return new CandidateCheck(rep.id(), CandidateStatus.AVAILABLE,
                "available (" + load.openLeads() + " open leads, " + load.today() + " today)");
    }

    /**
     * The first instant at or after {@code now} at which the rep can take a lead, or empty when that does not depend
     * on time alone (inactive, at open-lead capacity, no working hours in the next two weeks).
     */
    public static Optional<Instant> nextAvailable(Rep rep, RepLoad load, Instant now) {
        Capacity capacity = rep.capacity();
        if (!rep.active() || capacity.maxOpenLeads() != null && load.openLeads() >= capacity.maxOpenLeads()) {
            return Optional.empty();
        }
        boolean fullToday = capacity.maxPerDay() != null && load.today() >= capacity.maxPerDay();
        Instant candidate = now;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Absence> absence = rep.absenceAt(candidate);
            if (absence.isPresent()) {
                candidate = absence.get().until();
                continue;
            }
            if (!rep.workingHours().isOpenAt(candidate)) {
                Optional<Instant> opening = rep.workingHours().nextOpening(candidate);
                if (opening.isEmpty()) {
                    return Optional.empty();
                }
                candidate = opening.get();
                continue;
            }
            if (fullToday && rep.localDate(candidate).equals(rep.localDate(now))) {
                candidate = candidate.atZone(rep.workingHours().zone()).truncatedTo(ChronoUnit.DAYS).plusDays(1)
                        .toInstant();
                continue;
            }
            return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
