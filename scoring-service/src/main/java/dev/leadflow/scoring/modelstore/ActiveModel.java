package dev.leadflow.scoring.modelstore;

import dev.leadflow.scoring.model.ScoringModel;

/** The model that scores leads now: the highest stored version. */
public record ActiveModel(int version, ScoringModel model) {

    /** The version as events and the API carry it ({@code modelVersion}). */
    public String modelVersion() {
        return Integer.toString(version);
    }
}
