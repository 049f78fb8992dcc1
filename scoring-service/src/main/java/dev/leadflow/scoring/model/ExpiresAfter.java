package dev.leadflow.scoring.model;

import java.time.Duration;

/** Points count in full until the touchpoint is {@code expiresAfter} old, then not at all (exactly that old: gone). */
public record ExpiresAfter(Duration expiresAfter) implements Decay {

    public ExpiresAfter {
        if (expiresAfter == null || expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw new IllegalArgumentException("expiresAfter: must be a positive duration");
        }
    }

    @Override
    public double factor(Duration age) {
        return age.compareTo(expiresAfter) < 0 ? 1 : 0;
    }
}
