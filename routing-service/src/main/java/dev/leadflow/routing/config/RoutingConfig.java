package dev.leadflow.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** How routing-service finds its routing model. Validated at start-up: a bad value stops the service. */
@ConfigMapping(prefix = "leadflow.routing")
public interface RoutingConfig {

    /**
     * The routing model seed (reps, teams, accounts, territories, rules) in YAML: a file path, or
     * {@code classpath:...} for a resource. Checked at every start-up; stored as model version 1 when the database
     * holds no model yet.
     */
    @WithDefault("classpath:routing/demo-routing.yaml")
    @NotBlank
    String seed();
}
