package dev.leadflow.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** Configuration of scoring-service ({@code leadflow.scoring.*}), checked when the service starts. */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

    /**
     * The scoring model read at start-up: a YAML file path, or {@code classpath:<resource>} for a bundled model.
     * An invalid model stops the service from starting, with a message naming each bad rule and field.
     */
    @WithDefault("classpath:scoring/demo-model.yaml")
    @NotBlank
    String modelFile();
}
