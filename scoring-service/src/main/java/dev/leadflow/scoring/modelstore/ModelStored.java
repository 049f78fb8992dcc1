package dev.leadflow.scoring.modelstore;

/** A new model version was stored (fired in the storing transaction; observe after success). */
public record ModelStored(int version) {
}
