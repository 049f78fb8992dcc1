package dev.leadflow.capture.abuse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts submissions intake refused or silently dropped, as {@code leadflow_intake_rejected_total{reason}}: the
 * operator's view of bots and broken forms (a silently dropped bot submission is otherwise invisible). Created at
 * start-up, so every reason is exported from 0 and dashboards see the first rejection as an increase.
 */
@Startup
@ApplicationScoped
public class IntakeRejections {

    /** Why intake refused a submission; the tag values are a fixed, low-cardinality set. */
    public enum Reason {
        /** The form's honeypot field was filled: answered like a success, nothing published. */
        HONEYPOT("honeypot"),
        /** Submitted faster than the form's minimum fill time: answered like a success, nothing published. */
        TOO_FAST("too_fast"),
        /** The client address exceeded its rate limit (429). */
        CLIENT_RATE_LIMIT("client_rate_limit"),
        /** The form exceeded its rate limit (429). */
        FORM_RATE_LIMIT("form_rate_limit"),
        /** The formId is not registered (400). */
        UNKNOWN_FORM("unknown_form"),
        /** A browser posted from an origin the form does not allow (403). */
        ORIGIN_NOT_ALLOWED("origin_not_allowed"),
        /** Fields broke a validation rule (400). */
        INVALID("invalid");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    IntakeRejections(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder("leadflow.intake.rejected")
                    .description("Submissions refused or silently dropped by intake, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    public void count(Reason reason) {
        counters.get(reason).increment();
    }
}
