package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.BERLIN;
import static dev.leadflow.routing.decision.Fixtures.NEW_YORK;
import static dev.leadflow.routing.decision.Fixtures.officeHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    @Test
    void isOpenInsideAWindowInTheRepsOwnTimeZone() {
        // Monday 08:30 UTC is 09:30 in Berlin (open) and 03:30 in New York (closed).
        Instant instant = Instant.parse("2026-11-23T08:30:00Z");

        assertThat(officeHours(BERLIN).isOpenAt(instant)).isTrue();
        assertThat(officeHours(NEW_YORK).isOpenAt(instant)).isFalse();
    }

    @Test
    void includesTheStartAndExcludesTheEndOfAWindow() {
        WorkingHours hours = officeHours(ZoneOffset.UTC);

        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T09:00:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T16:59:59Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T17:00:00Z"))).isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T08:59:59Z"))).isFalse();
    }

    @Test
    void isClosedOnADayWithoutWindows() {
        assertThat(officeHours(ZoneOffset.UTC).isOpenAt(Instant.parse("2026-11-28T12:00:00Z"))).isFalse();
    }

    @Test
    void alwaysCoversEveryInstantIncludingMidnight() {
        WorkingHours always = WorkingHours.always(BERLIN);

        assertThat(always.isOpenAt(Instant.parse("2026-11-28T23:00:00Z"))).isTrue();
        assertThat(always.isOpenAt(Instant.parse("2026-11-29T22:59:59Z"))).isTrue();
        assertThat(always.nextOpening(Instant.parse("2026-11-28T23:00:00Z")))
                .contains(Instant.parse("2026-11-28T23:00:00Z"));
    }

    @Test
    void nextOpeningIsNowWhenOpenLaterTodayOrAfterTheWeekend() {
        WorkingHours hours = officeHours(ZoneOffset.UTC);

        assertThat(hours.nextOpening(Instant.parse("2026-11-23T10:00:00Z")))
                .contains(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(hours.nextOpening(Instant.parse("2026-11-23T06:00:00Z")))
                .contains(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(hours.nextOpening(Instant.parse("2026-11-27T17:00:00Z")))
                .as("Friday evening -> Monday morning").contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void nextOpeningFollowsTheRepsTimeZone() {
        // Monday 15:00 UTC is 10:00 in New York (open); 06:00 UTC is 01:00 there, opening at 14:00 UTC.
        assertThat(officeHours(NEW_YORK).nextOpening(Instant.parse("2026-11-23T06:00:00Z")))
                .contains(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void hasNoNextOpeningWithoutAnyWindow() {
        WorkingHours never = new WorkingHours(ZoneOffset.UTC, java.util.Map.of());

        assertThat(never.nextOpening(Fixtures.MONDAY_10_UTC)).isEmpty();
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new WorkingHours.Window(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("must end after it starts");
        assertThat(new WorkingHours.Window(LocalTime.of(18, 0), LocalTime.MIDNIGHT).contains(LocalTime.of(23, 59)))
                .as("00:00 as an end is midnight at the end of the day").isTrue();
    }
}
