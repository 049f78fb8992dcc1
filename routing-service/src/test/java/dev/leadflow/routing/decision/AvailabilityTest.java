package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.BERLIN;
import static dev.leadflow.routing.decision.Fixtures.MONDAY_10_UTC;
import static dev.leadflow.routing.decision.Fixtures.NEW_YORK;
import static dev.leadflow.routing.decision.Fixtures.officeHours;
import static dev.leadflow.routing.decision.Fixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static final Instant BACK = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void aRepWithinHoursAndUnderCapacityIsAvailable() {
        CandidateCheck check = Availability.check(rep("alice").capacity(10, 5).build(), new RepLoad(3, 2),
                MONDAY_10_UTC);

        assertThat(check).isEqualTo(new CandidateCheck("alice", CandidateStatus.AVAILABLE,
                "available (3 open leads, 2 today)"));
    }

    @Test
    void skipsAnInactiveRepBeforeAnythingElse() {
        Rep rep = rep("alice").inactive().away(MONDAY_10_UTC.minusSeconds(60), BACK).build();

        assertThat(Availability.check(rep, RepLoad.NONE, MONDAY_10_UTC))
                .isEqualTo(new CandidateCheck("alice", CandidateStatus.INACTIVE, "inactive"));
    }

    @Test
    void skipsARepOutOfOfficeSayingUntilWhen() {
        Rep rep = rep("bob").away(MONDAY_10_UTC.minusSeconds(3600), BACK).build();

        assertThat(Availability.check(rep, RepLoad.NONE, MONDAY_10_UTC)).isEqualTo(new CandidateCheck("bob",
                CandidateStatus.OUT_OF_OFFICE, "out of office until 2026-11-25T08:00:00Z"));
    }

    @Test
    void anAbsenceEndsExactlyAtItsUntilInstant() {
        Rep rep = rep("bob").away(MONDAY_10_UTC.minusSeconds(3600), MONDAY_10_UTC).build();

        assertThat(Availability.check(rep, RepLoad.NONE, MONDAY_10_UTC).available()).isTrue();
    }

    @Test
    void skipsARepOutsideWorkingHoursShowingTheirLocalTime() {
        Rep rep = rep("carol").hours(officeHours(NEW_YORK)).build();

        assertThat(Availability.check(rep, RepLoad.NONE, MONDAY_10_UTC)).isEqualTo(new CandidateCheck("carol",
                CandidateStatus.OUTSIDE_HOURS, "outside working hours (local time Mon 05:00 America/New_York)"));
    }

    @Test
    void skipsARepAtOpenLeadCapacity() {
        assertThat(Availability.check(rep("dave").capacity(5, null).build(), new RepLoad(5, 0), MONDAY_10_UTC))
                .isEqualTo(new CandidateCheck("dave", CandidateStatus.AT_CAPACITY, "at capacity: 5/5 open leads"));
    }

    @Test
    void skipsARepAtDailyCapacity() {
        assertThat(Availability.check(rep("dave").capacity(null, 20).build(), new RepLoad(1, 20), MONDAY_10_UTC))
                .isEqualTo(new CandidateCheck("dave", CandidateStatus.AT_CAPACITY, "at capacity: 20/20 leads today"));
    }

    @Test
    void aRepAvailableNowIsNextAvailableNow() {
        assertThat(Availability.nextAvailable(rep("alice").build(), RepLoad.NONE, MONDAY_10_UTC))
                .contains(MONDAY_10_UTC);
    }

    @Test
    void aRepOutOfOfficeIsNextAvailableWhenBack() {
        Rep rep = rep("bob").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();

        assertThat(Availability.nextAvailable(rep, RepLoad.NONE, MONDAY_10_UTC)).contains(BACK);
    }

    @Test
    void aRepBackOutsideHoursIsNextAvailableAtTheFollowingOpening() {
        // Back Wednesday 19:00 Berlin, after hours: the next opening is Thursday 09:00 Berlin (08:00 UTC).
        Rep rep = rep("bob").hours(officeHours(BERLIN))
                .away(MONDAY_10_UTC.minusSeconds(60), Instant.parse("2026-11-25T18:00:00Z")).build();

        assertThat(Availability.nextAvailable(rep, RepLoad.NONE, MONDAY_10_UTC))
                .contains(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void aRepFullForTheDayIsNextAvailableAtTheirNextLocalDay() {
        // Monday 10:00 UTC in New York is still Monday; the next local day starts Tuesday 00:00 New York = 05:00 UTC.
        Rep rep = rep("carol").capacity(null, 3).hours(WorkingHours.always(NEW_YORK)).build();

        assertThat(Availability.nextAvailable(rep, new RepLoad(0, 3), MONDAY_10_UTC))
                .contains(Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    void anInactiveRepOrOneAtOpenLeadCapacityHasNoNextAvailability() {
        assertThat(Availability.nextAvailable(rep("a").inactive().build(), RepLoad.NONE, MONDAY_10_UTC)).isEmpty();
        assertThat(Availability.nextAvailable(rep("b").capacity(2, null).build(), new RepLoad(2, 0), MONDAY_10_UTC))
                .isEmpty();
    }
}
