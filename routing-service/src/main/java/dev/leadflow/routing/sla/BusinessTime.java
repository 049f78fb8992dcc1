package dev.leadflow.routing.sla;

import dev.leadflow.routing.decision.Absence;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The clock a first-contact SLA runs on: a rep's working hours in the rep's own time zone, minus out-of-office
 * periods. A queue has no calendar and counts wall-clock time ({@link #WALL_CLOCK}). Pure: no framework.
 *
 * <p>Instants are computed through the zone's rules, so a window on a daylight-saving change day is as long as it
 * really is (09:00-12:00 on the spring-forward night in Europe/Berlin still counts 3 hours; 01:00-04:00 counts 2).
 */
public final class BusinessTime {

    /** Every instant counts: queues, and anything without a calendar. */
    public static final BusinessTime WALL_CLOCK = new BusinessTime(null, List.of());
    /** How far ahead {@link #addTo} looks for working time before it falls back to wall-clock time. */
    static final int HORIZON_DAYS = 400;

    private final WorkingHours hours;
    private final List<Absence> absences;

    private BusinessTime(WorkingHours hours, List<Absence> absences) {
        this.hours = hours;
        this.absences = absences.stream().sorted(Comparator.comparing(Absence::from)).toList();
    }

    /** The rep's calendar: working hours (a rep without hours works around the clock) minus out-of-office periods. */
    public static BusinessTime of(Rep rep) {
        return new BusinessTime(rep.workingHours(), rep.outOfOffice());
    }

    public static BusinessTime of(WorkingHours hours, List<Absence> absences) {
        return new BusinessTime(hours, List.copyOf(absences));
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}: a 5-minute SLA started at
     * 17:58 on a Friday with hours Mon-Fri 09:00-18:00 is due Monday 09:03. A zero amount is due at {@code start}; an
     * amount used up exactly at the end of a window is due at that end. A calendar that offers too little working
     * time within {@value #HORIZON_DAYS} days (no windows at all, a year out of office) counts wall-clock time rather
     * than never being due.
     */
    public Instant addTo(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a working-time amount must not be negative: " + amount);
        }
        if (hours == null || amount.isZero()) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        Instant cursor = start;
        // Windows never cross midnight (an overnight shift is two windows), so none before the start day matters.
        LocalDate firstDay = start.atZone(hours.zone()).toLocalDate();
        for (int day = 0; day <= HORIZON_DAYS; day++) {
            for (Interval open : openIntervals(firstDay.plusDays(day))) {
                for (Interval working : withoutAbsences(open)) {
                    Instant from = working.from().isAfter(cursor) ? working.from() : cursor;
                    if (!working.until().isAfter(from)) {
                        continue;
                    }
                    Duration available = Duration.between(from, working.until());
                    if (available.compareTo(remaining) >= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                    cursor = working.until();
                }
            }
        }
        return start.plus(amount);
    }

    /** The day's windows as instants, in start order; overlapping windows are harmless (time counts once). */
    private List<Interval> openIntervals(LocalDate date) {
        return hours.days().getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .sorted(Comparator.comparing(WorkingHours.Window::start))
                .map(window -> new Interval(at(date, window.start()), window.end().equals(LocalTime.MIDNIGHT)
                        ? at(date.plusDays(1), LocalTime.MIDNIGHT) : at(date, window.end())))
                .filter(interval -> interval.until().isAfter(interval.from()))
                .toList();
    }

    /** A local time in the zone; a time skipped by a daylight-saving gap moves forward, as the clocks do. */
    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, hours.zone()).toInstant();
    }

    private List<Interval> withoutAbsences(Interval open) {
        List<Interval> pieces = new ArrayList<>();
        Instant from = open.from();
        for (Absence absence : absences) {
            if (!absence.until().isAfter(from) || !absence.from().isBefore(open.until())) {
                continue;
            }
            if (absence.from().isAfter(from)) {
                pieces.add(new Interval(from, absence.from()));
            }
            from = absence.until().isAfter(from) ? absence.until() : from;
            if (!from.isBefore(open.until())) {
                return pieces;
            }
        }
        pieces.add(new Interval(from, open.until()));
        return pieces;
    }

    private record Interval(Instant from, Instant until) {
    }
}
