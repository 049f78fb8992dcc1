package dev.leadflow.routing.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sales rep who can own leads. {@code weight} is the rep's share in weighted round robin (100 = normal);
 * {@code teams} are the ids of the teams the rep works in.
 */
public record Rep(String id, String name, String email, String bookingLink, Set<String> teams, int weight,
        Capacity capacity, WorkingHours workingHours, List<Absence> outOfOffice, boolean active) {

    public Rep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rep id must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rep '" + id + "' needs a non-blank name");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("rep '" + id + "' needs a weight of at least 1");
        }
        teams = Set.copyOf(teams);
        outOfOffice = List.copyOf(outOfOffice);
        if (capacity == null || workingHours == null) {
            throw new IllegalArgumentException("rep '" + id + "' needs a capacity and working hours");
        }
    }

    /** The absence covering {@code instant}, if the rep is out of office then. */
    public Optional<Absence> absenceAt(Instant instant) {
        return outOfOffice.stream().filter(absence -> absence.covers(instant)).findFirst();
    }

    /** The rep's calendar day at {@code instant}, in the rep's time zone: per-day capacity counts by it. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(workingHours.zone()).toLocalDate();
    }
}
