package dev.leadflow.scoring.model;

import java.time.Duration;

/** Points never fade. */
public record NoDecay() implements Decay {

    @Override
    public double factor(Duration age) {
        return 1;
    }
}
