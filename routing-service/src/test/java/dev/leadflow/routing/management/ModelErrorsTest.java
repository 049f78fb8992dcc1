package dev.leadflow.routing.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelErrorsTest {

    @Test
    void splitsTheItemAndFieldFromTheMessageAndNamesTheRule() {
        assertThat(ModelErrors.of("rules[1] (dach).assignTo.team: no team 'dahc'")).isEqualTo(
                new ModelChangeRejected.Error("rules[1] (dach).assignTo.team", "reference", "no team 'dahc'"));
        assertThat(ModelErrors.of("accounts[0] (acme).owner: no rep 'carol'").rule()).isEqualTo("reference");
        assertThat(ModelErrors.of("rules[0] (x).when.territory: no territory 'dach'").rule()).isEqualTo("reference");
        assertThat(ModelErrors.of("rules[2] (e).assignTo.team: team 'demo' has no reps").rule())
                .isEqualTo("reference");
        assertThat(ModelErrors.of("reps[0].id: is required").rule()).isEqualTo("required");
        assertThat(ModelErrors.of("rules[0] (x).assignTo: is required: one of rep, team or queue").rule())
                .isEqualTo("required");
        assertThat(ModelErrors.of("teams[1] (emea).id: 'emea' is used twice").rule()).isEqualTo("unique");
        assertThat(ModelErrors.of("reps[0] (bob).timeZone: 'Europe/Berlinn' is not an IANA time zone"))
                .isEqualTo(new ModelChangeRejected.Error("reps[0] (bob).timeZone", "valid",
                        "'Europe/Berlinn' is not an IANA time zone"));
    }

    @Test
    void aMessageWithoutAFieldConcernsTheDocument() {
        assertThat(ModelErrors.of("the document is empty"))
                .isEqualTo(new ModelChangeRejected.Error("document", "valid", "the document is empty"));
    }
}
