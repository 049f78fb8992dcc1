package dev.leadflow.attribution.tracking;

/**
 * Touchpoints that just became part of a lead's journey, fired inside the transaction that attributed them.
 *
 * @param stitched true when they reached the lead through its anonymous id
 */
public record TouchpointsAttributed(boolean stitched, long count) {
}
