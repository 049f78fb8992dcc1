package dev.leadflow.reporting.funnel;

import java.util.OptionalDouble;

/**
 * The share of leads of stage {@code from} that reached stage {@code to}; empty when no lead reached
 * {@code from}, since a rate over nothing is undefined rather than zero.
 */
public record Conversion(FunnelStage from, FunnelStage to, OptionalDouble rate) {
}
