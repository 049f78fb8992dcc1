package dev.leadflow.routing.decision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a rep takes leads: time windows per weekday in the rep's own time zone. A weekday without windows is a day
 * off; {@link #always} covers every instant (a 24x7 team).
 */
public record WorkingHours(ZoneId zone, Map<DayOfWeek, List<Window>> days) {

    public WorkingHours {
        if (zone == null) {
            throw new IllegalArgumentException("working hours need a time zone");
        }
        EnumMap<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, windows) -> copy.put(day, List.copyOf(windows)));
        days = Map.copyOf(copy);
    }

    /** Every day, all day. */
    public static WorkingHours always(ZoneId zone) {
        Map<DayOfWeek, List<Window>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(Window.WHOLE_DAY));
        }
        return new WorkingHours(zone, days);
    }

    public boolean isOpenAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return days.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(window -> window.contains(local.toLocalTime()));
    }

    /** The first instant at or after {@code instant} inside a window, looking at most two weeks ahead. */
    public Optional<Instant> nextOpening(Instant instant) {
        if (isOpenAt(instant)) {
            return Optional.of(instant);
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= 14; day++) {
            LocalDate candidateDate = date.plusDays(day);
            for (Window window : days.getOrDefault(candidateDate.getDayOfWeek(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Window::start)).toList()) {
                ZonedDateTime start = candidateDate.atTime(window.start()).atZone(zone);
                if (start.isAfter(local)) {
                    return Optional.of(start.toInstant());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A half-open local time range {@code [start, end)}; an end of 00:00 means midnight at the end of the day.
     * Overnight shifts are two windows on two days.
     */
    public record Window(LocalTime start, LocalTime end) {

        public static final Window WHOLE_DAY = new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        public Window {
            if (start == null || end == null) {
                throw new IllegalArgumentException("a working-hours window needs a start and an end");
            }
            if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
                throw new IllegalArgumentException("a working-hours window must end after it starts: " + start + "-"
                        + end);
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || time.isBefore(end));
        }

        @Override
        public String toString() {
            return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
        }
    }
}
