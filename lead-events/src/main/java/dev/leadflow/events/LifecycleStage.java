package dev.leadflow.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a lead, one model for the whole platform: subscriber -> lead -> MQL -> SAL -> SQL -> opportunity
 * -> customer, with nurture (not ready yet), recycled (handed back to marketing: an opportunity lost, a rep
 * disqualified) and disqualified (never a buyer). {@link #canMoveTo} holds the allowed transitions: there is no
 * silent backwards move; going back is always an explicit move to {@link #RECYCLED} (or {@link #NURTURE}), with a
 * reason, from which the lead can qualify again. Marketing stages are owned by scoring-service, the others by sales
 * (routing and the CRM). Events carry a stage as its {@link #key()}.
 */
public enum LifecycleStage {
    SUBSCRIBER(true),
    LEAD(true),
    NURTURE(true),
    MQL(true),
    SAL(false),
    SQL(false),
    OPPORTUNITY(false),
    CUSTOMER(false),
    RECYCLED(true),
    DISQUALIFIED(false);

    private final boolean marketing;

    LifecycleStage(boolean marketing) {
        this.marketing = marketing;
    }

    /** Whether marketing (scoring-service) owns the stage; sales owns the others. */
    public boolean marketing() {
        return marketing;
    }

    /** The stage's name in events and APIs: lower case ({@code mql}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LifecycleStage> byKey(String key) {
        return Arrays.stream(values()).filter(stage -> stage.key().equals(key)).findFirst();
    }

    /** The stages a lead in this stage may move to next; never the stage itself. */
    public Set<LifecycleStage> next() {
        return switch (this) {
            case SUBSCRIBER -> EnumSet.of(LEAD, MQL, NURTURE, DISQUALIFIED);
            case LEAD -> EnumSet.of(MQL, NURTURE, DISQUALIFIED);
            case NURTURE -> EnumSet.of(MQL, DISQUALIFIED);
            // An MQL sales has not accepted yet can still be handed back (recycled) or drop to nurture.
            case MQL -> EnumSet.of(SAL, SQL, NURTURE, RECYCLED, DISQUALIFIED);
            case SAL -> EnumSet.of(SQL, RECYCLED, DISQUALIFIED);
            case SQL -> EnumSet.of(OPPORTUNITY, RECYCLED, DISQUALIFIED);
            case OPPORTUNITY -> EnumSet.of(CUSTOMER, RECYCLED, DISQUALIFIED);
            case RECYCLED -> EnumSet.of(NURTURE, MQL, DISQUALIFIED);
            case CUSTOMER, DISQUALIFIED -> EnumSet.noneOf(LifecycleStage.class);
        };
    }

    /** Whether a lead in this stage may move to {@code target}. */
    public boolean canMoveTo(LifecycleStage target) {
        return next().contains(target);
    }
}
