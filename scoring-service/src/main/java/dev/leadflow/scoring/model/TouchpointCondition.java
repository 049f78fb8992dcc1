package dev.leadflow.scoring.model;

/** A condition on one touchpoint, used by engagement rules. */
public sealed interface TouchpointCondition extends Condition permits TouchpointType, TouchpointUrlMatches,
        TouchpointCampaign, TouchpointUtm, TouchpointAll, TouchpointAny, TouchpointNot {

    boolean matches(Touchpoint touchpoint);
}
