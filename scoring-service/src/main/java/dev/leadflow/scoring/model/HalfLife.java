package dev.leadflow.scoring.model;

import java.time.Duration;

/** Points halve every {@code halfLife}: a touchpoint one half-life old earns half, two half-lives old a quarter. */
public record HalfLife(Duration halfLife) implements Decay {

    public HalfLife {
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife: must be a positive duration");
        }
    }

    @Override
    public double factor(Duration age) {
        if (age.isNegative() || age.isZero()) {
            return 1;
        }
        return Math.pow(0.5, (double) age.toMillis() / halfLife.toMillis());
    }
}
