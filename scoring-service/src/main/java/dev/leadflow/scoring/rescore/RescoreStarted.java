package dev.leadflow.scoring.rescore;

/** A re-score job was created (fired in its transaction; the worker starts on it once that commits). */
record RescoreStarted(RescoreJob job) {
}
