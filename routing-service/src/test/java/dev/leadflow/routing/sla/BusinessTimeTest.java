package dev.leadflow.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadflow.routing.decision.Absence;
import dev.leadflow.routing.decision.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void countsInsideAWindowLikeTheWallClock() {
        BusinessTime time = officeHours(BERLIN);

        // Monday 10:00 Berlin.
        assertThat(time.addTo(berlin("2026-11-23T10:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T10:05"));
    }

    @Test
    void aFridayEveningLeadIsDueOnMondayMorning() {
        BusinessTime time = officeHours(BERLIN);

        assertThat(time.addTo(berlin("2026-11-27T17:58"), FIVE_MINUTES))
                .as("2 minutes on Friday, 3 on Monday").isEqualTo(berlin("2026-11-30T09:03"));
    }

    @Test
    void startsCountingAtTheNextOpeningWhenRoutedBeforeHours() {
        BusinessTime time = officeHours(BERLIN);

        assertThat(time.addTo(berlin("2026-11-24T06:30"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-24T09:05"));
    }

    @Test
    void aLeadRoutedAtTheWeekendIsDueOnMonday() {
        BusinessTime time = officeHours(BERLIN);

        assertThat(time.addTo(berlin("2026-11-28T12:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-30T09:05"));
        assertThat(time.addTo(berlin("2026-11-29T23:59"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-30T09:05"));
    }

    @Test
    void anSlaUsedUpExactlyAtTheEndOfAWindowIsDueThen() {
        BusinessTime time = officeHours(BERLIN);

        assertThat(time.addTo(berlin("2026-11-23T17:55"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T18:00"));
    }

    @Test
    void theEndOfAWindowIsExcludedAndItsStartIncluded() {
        BusinessTime time = officeHours(BERLIN);

        assertThat(time.addTo(berlin("2026-11-23T18:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-24T09:05"));
        assertThat(time.addTo(berlin("2026-11-23T09:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T09:05"));
    }

    @Test
    void skipsALunchBreakBetweenTwoWindowsOfADay() {
        BusinessTime time = BusinessTime.of(hours(BERLIN, Map.of(DayOfWeek.MONDAY, List.of(
                new WorkingHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingHours.Window(LocalTime.of(13, 0), LocalTime.of(17, 30))))), List.of());

        assertThat(time.addTo(berlin("2026-11-23T11:58"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T13:03"));
    }

    @Test
    void overlappingWindowsCountTheirCommonTimeOnce() {
        BusinessTime time = BusinessTime.of(hours(ZoneOffset.UTC, Map.of(DayOfWeek.MONDAY, List.of(
                new WorkingHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingHours.Window(LocalTime.of(11, 0), LocalTime.of(13, 0))))), List.of());

        assertThat(time.addTo(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(time.addTo(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofHours(4).plusMinutes(1)))
                .as("next Monday").isEqualTo(Instant.parse("2026-11-30T09:01:00Z"));
    }

    @Test
    void anSlaLongerThanADaySpansSeveralWorkingDays() {
        BusinessTime time = officeHours(BERLIN);

        // 9 working hours a day: 20 hours from Monday 09:00 = Monday 9 + Tuesday 9 + Wednesday 2.
        assertThat(time.addTo(berlin("2026-11-23T09:00"), Duration.ofHours(20))).isEqualTo(berlin("2026-11-25T11:00"));
    }

    @Test
    void anOvernightShiftIsTwoWindowsThatCountAcrossMidnight() {
        // Monday 22:00-24:00 and Tuesday 00:00-06:00.
        Map<DayOfWeek, List<WorkingHours.Window>> days = new EnumMap<>(DayOfWeek.class);
        days.put(DayOfWeek.MONDAY, List.of(new WorkingHours.Window(LocalTime.of(22, 0), LocalTime.MIDNIGHT)));
        days.put(DayOfWeek.TUESDAY, List.of(new WorkingHours.Window(LocalTime.MIDNIGHT, LocalTime.of(6, 0))));
        BusinessTime time = BusinessTime.of(hours(NEW_YORK, days), List.of());

        assertThat(time.addTo(newYork("2026-11-23T23:58"), FIVE_MINUTES)).isEqualTo(newYork("2026-11-24T00:03"));
        assertThat(time.addTo(newYork("2026-11-24T05:58"), FIVE_MINUTES))
                .as("next shift starts Monday 22:00").isEqualTo(newYork("2026-11-30T22:03"));
    }

    @Test
    void countsInTheRepsOwnTimeZone() {
        // 15:00 UTC on a Monday is 16:00 in Berlin (open) and 10:00 in New York (open); 17:58 Berlin is 11:58 NY.
        Instant instant = Instant.parse("2026-11-23T16:58:00Z");

        assertThat(officeHours(BERLIN).addTo(instant, FIVE_MINUTES)).isEqualTo(berlin("2026-11-24T09:03"));
        assertThat(officeHours(NEW_YORK).addTo(instant, FIVE_MINUTES)).isEqualTo(instant.plus(FIVE_MINUTES));
    }

    @Test
    void aSpringForwardNightCountsOnlyTheHoursThatExist() {
        // Berlin 2026-03-29: 02:00 -> 03:00. A Sunday window 01:00-04:00 lasts 2 real hours.
        BusinessTime time = BusinessTime.of(hours(BERLIN, Map.of(DayOfWeek.SUNDAY, List.of(
                new WorkingHours.Window(LocalTime.of(1, 0), LocalTime.of(4, 0))))), List.of());

        assertThat(time.addTo(berlin("2026-03-29T01:00"), Duration.ofMinutes(119)))
                .isEqualTo(berlin("2026-03-29T03:59"));
        assertThat(time.addTo(berlin("2026-03-29T01:00"), Duration.ofMinutes(150)))
                .as("30 minutes left for the next Sunday").isEqualTo(berlin("2026-04-05T01:30"));
    }

    @Test
    void aFallBackNightCountsTheRepeatedHour() {
        // Berlin 2026-10-25: 03:00 -> 02:00. A Sunday window 01:00-04:00 lasts 4 real hours.
        BusinessTime time = BusinessTime.of(hours(BERLIN, Map.of(DayOfWeek.SUNDAY, List.of(
                new WorkingHours.Window(LocalTime.of(1, 0), LocalTime.of(4, 0))))), List.of());

        assertThat(time.addTo(berlin("2026-10-25T01:00"), Duration.ofMinutes(239)))
                .isEqualTo(Instant.parse("2026-10-25T02:59:00Z")).isEqualTo(berlin("2026-10-25T03:59"));
    }

    @Test
    void officeHoursOnADaylightSavingChangeDayKeepTheirLocalTimes() {
        // New York 2026-03-08 (Sunday) springs forward; the Monday after opens at 09:00 EDT (13:00 UTC, not 14:00).
        assertThat(officeHours(NEW_YORK).addTo(newYork("2026-03-06T17:58"), FIVE_MINUTES))
                .isEqualTo(Instant.parse("2026-03-09T13:03:00Z"));
    }

    @Test
    void aStartInsideAnAbsenceWaitsForItsEnd() {
        Absence away = new Absence(berlin("2026-11-23T08:00"), berlin("2026-11-25T13:00"));
        BusinessTime time = BusinessTime.of(officeHoursOf(BERLIN), List.of(away));

        assertThat(time.addTo(berlin("2026-11-23T10:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-25T13:05"));
    }

    @Test
    void anAbsenceStartingDuringTheSlaPausesIt() {
        Absence dentist = new Absence(berlin("2026-11-23T10:02"), berlin("2026-11-23T11:00"));
        BusinessTime time = BusinessTime.of(officeHoursOf(BERLIN), List.of(dentist));

        assertThat(time.addTo(berlin("2026-11-23T10:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T11:03"));
    }

    @Test
    void anAbsenceOverAWeekendOrOutsideHoursChangesNothing() {
        Absence weekend = new Absence(berlin("2026-11-27T18:00"), berlin("2026-11-30T09:00"));
        BusinessTime time = BusinessTime.of(officeHoursOf(BERLIN), List.of(weekend));

        assertThat(time.addTo(berlin("2026-11-27T17:58"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-30T09:03"));
    }

    @Test
    void severalAbsencesInAnyOrderAreAllSkipped() {
        Absence second = new Absence(berlin("2026-11-23T10:03"), berlin("2026-11-23T10:30"));
        Absence first = new Absence(berlin("2026-11-23T10:01"), berlin("2026-11-23T10:02"));
        BusinessTime time = BusinessTime.of(officeHoursOf(BERLIN), List.of(second, first));

        // 10:00-10:01, 10:02-10:03, then 3 minutes from 10:30.
        assertThat(time.addTo(berlin("2026-11-23T10:00"), FIVE_MINUTES)).isEqualTo(berlin("2026-11-23T10:33"));
    }

    @Test
    void aRepWithoutWorkingHoursCountsAroundTheClockButStillSkipsAbsences() {
        WorkingHours always = WorkingHours.always(BERLIN);
        Instant saturdayNight = berlin("2026-11-28T23:58");

        assertThat(BusinessTime.of(always, List.of()).addTo(saturdayNight, FIVE_MINUTES))
                .isEqualTo(saturdayNight.plus(FIVE_MINUTES));
        Absence away = new Absence(berlin("2026-11-28T23:59"), berlin("2026-11-29T08:00"));
        assertThat(BusinessTime.of(always, List.of(away)).addTo(saturdayNight, FIVE_MINUTES))
                .isEqualTo(berlin("2026-11-29T08:04"));
    }

    @Test
    void aQueueCountsWallClockTime() {
        Instant saturdayNight = berlin("2026-11-28T23:58");

        assertThat(BusinessTime.WALL_CLOCK.addTo(saturdayNight, FIVE_MINUTES)).isEqualTo(saturdayNight.plus(FIVE_MINUTES));
    }

    @Test
    void aZeroSlaIsDueAtOnceEvenOutsideHours() {
        Instant sunday = berlin("2026-11-29T12:00");

        assertThat(officeHours(BERLIN).addTo(sunday, Duration.ZERO)).isEqualTo(sunday);
        assertThat(BusinessTime.WALL_CLOCK.addTo(sunday, Duration.ZERO)).isEqualTo(sunday);
    }

    @Test
    void aCalendarWithoutWorkingTimeFallsBackToTheWallClockInsteadOfNeverBeingDue() {
        Instant monday = berlin("2026-11-23T10:00");

        assertThat(BusinessTime.of(hours(BERLIN, Map.of()), List.of()).addTo(monday, FIVE_MINUTES))
                .isEqualTo(monday.plus(FIVE_MINUTES));
        Absence twoYears = new Absence(monday, monday.plus(Duration.ofDays(730)));
        assertThat(BusinessTime.of(officeHoursOf(BERLIN), List.of(twoYears)).addTo(monday, FIVE_MINUTES))
                .isEqualTo(monday.plus(FIVE_MINUTES));
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> officeHours(BERLIN).addTo(berlin("2026-11-23T10:00"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondsPreciseStartKeepsItsSeconds() {
        Instant start = Instant.parse("2026-11-23T09:59:59.123456Z");

        assertThat(officeHours(ZoneOffset.UTC).addTo(start, FIVE_MINUTES))
                .isEqualTo(Instant.parse("2026-11-23T10:04:59.123456Z"));
    }

    /** Mon-Fri 09:00-18:00. */
    private static WorkingHours officeHoursOf(ZoneId zone) {
        Map<DayOfWeek, List<WorkingHours.Window>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new WorkingHours.Window(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new WorkingHours(zone, days);
    }

    private static BusinessTime officeHours(ZoneId zone) {
        return BusinessTime.of(officeHoursOf(zone), List.of());
    }

    private static WorkingHours hours(ZoneId zone, Map<DayOfWeek, List<WorkingHours.Window>> days) {
        return new WorkingHours(zone, days);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
