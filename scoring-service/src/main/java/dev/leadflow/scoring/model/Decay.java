package dev.leadflow.scoring.model;

import java.time.Duration;

/**
 * How an engagement rule's points fade with the touchpoint's age: not at all ({@link #NONE}), by half every
 * {@link HalfLife}, or entirely once {@link ExpiresAfter} has passed. A touchpoint dated after the moment of scoring
 * (clock skew) counts as fresh.
 */
public sealed interface Decay permits NoDecay, HalfLife, ExpiresAfter {

    Decay NONE = new NoDecay();

    /** The share of its points a touchpoint {@code age} old still earns, from 1 (fresh) to 0 (gone). */
    double factor(Duration age);
}
