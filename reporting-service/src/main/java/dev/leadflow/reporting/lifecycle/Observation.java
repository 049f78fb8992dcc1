package dev.leadflow.reporting.lifecycle;

import dev.leadflow.reporting.speedtolead.SpeedToLeadStage;
import java.time.Duration;
import java.util.Objects;

/** Something an event revealed that is measured (as a metric) once the event is durably projected. */
public sealed interface Observation {

    /** A lead waited {@code elapsed} for the given speed-to-lead stage. */
    record SpeedToLead(SpeedToLeadStage stage, Duration elapsed) implements Observation {
        public SpeedToLead {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** An owner let a routed lead's SLA run out. */
    record SlaBreach() implements Observation {
    }
}
