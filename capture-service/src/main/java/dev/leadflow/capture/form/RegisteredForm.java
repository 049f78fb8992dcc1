package dev.leadflow.capture.form;

import java.time.Instant;

/** A form as the registry holds it: its definition, and which change of it this is (1 when created) and when. */
public record RegisteredForm(FormDefinition definition, long version, Instant updatedAt) {
}
