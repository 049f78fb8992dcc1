package dev.leadflow.scoring.lead;

/** Why a lead is re-scored without a new event: a new model version, or time passing (decay, count windows). */
public enum RescoreCause {
    MODEL_CHANGE,
    DECAY
}
