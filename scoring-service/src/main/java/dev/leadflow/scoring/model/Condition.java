package dev.leadflow.scoring.model;

/**
 * What a rule tests. Fit rules test the lead ({@link LeadCondition}); engagement rules test each touchpoint
 * ({@link TouchpointCondition}) or how many touchpoints fall in a time window ({@link TouchpointCount}), so a rule
 * can never look at facts its dimension does not own.
 */
public sealed interface Condition permits LeadCondition, TouchpointCondition, TouchpointCount {
}
