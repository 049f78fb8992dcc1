package dev.leadflow.scoring.modelstore;

/** A change was based on a model version that is no longer the active one: someone else changed it first. */
public class ModelVersionConflictException extends RuntimeException {

    public ModelVersionConflictException(int basedOn, int active) {
        super("The change is based on model version " + basedOn + ", but the active model is version " + active
                + ": read it again and reapply the change");
    }
}
