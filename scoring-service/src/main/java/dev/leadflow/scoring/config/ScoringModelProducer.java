package dev.leadflow.scoring.config;

import dev.leadflow.scoring.model.ScoringModel;
import dev.leadflow.scoring.modelfile.ScoringModelReader;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Loads the scoring model once, at start-up, so an invalid model fails the start instead of the first lead. */
public class ScoringModelProducer {

    private static final Logger LOG = Logger.getLogger(ScoringModelProducer.class);

    @Produces
    @Singleton
    @Startup
    ScoringModel scoringModel(ScoringConfig config) {
        ScoringModel model = ScoringModelReader.load(config.modelFile());
        LOG.infof("Scoring model %s from %s: %d fit and %d engagement rules, threshold %d, minimum fit %s",
                model.version(), config.modelFile(), model.fit().size(), model.engagement().size(), model.threshold(),
                model.policy().minimumFit() == null ? "none" : model.policy().minimumFit());
        return model;
    }
}
