package dev.leadflow.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterTest {

    @Test
    void keepsTheConfiguredOrderAndListsOnlyActiveRepsAsTakingLeads() {
        Roster roster = Roster.of(new Rep("carol", "Carol", true), new Rep("alice", "Alice", false),
                new Rep("bob", "Bob", true));

        assertThat(roster.activeReps()).extracting(Rep::id).containsExactly("carol", "bob");
        assertThat(roster.positionOf("alice")).contains(1);
        assertThat(roster.positionOf("dave")).isEmpty();
    }

    @Test
    void rejectsDuplicateRepIds() {
        assertThatThrownBy(() -> Roster.of(new Rep("bob", "Bob", true), new Rep("alice", "Alice", true),
                new Rep("bob", "Robert", false), new Rep("alice", "Alicia", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rep ids must be unique; duplicated: alice, bob");
    }

    @Test
    void rejectsABlankRepName() {
        assertThatThrownBy(() -> new Rep("alice", "  ", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rep 'alice' needs a non-blank name");
    }

    @Test
    void rejectsABlankRepId() {
        assertThatThrownBy(() -> new Rep("", "Alice", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rep id must not be blank");
    }

    @Test
    void isNotChangedByLaterChangesToTheListItWasBuiltFrom() {
        List<Rep> reps = new ArrayList<>(List.of(new Rep("alice", "Alice", true)));
        Roster roster = new Roster(reps);

        reps.add(new Rep("bob", "Bob", true));

        assertThat(roster.size()).isEqualTo(1);
    }
}
