package dev.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid and complete. Needs the docker-compose CLI (Debian package {@code docker-compose},
 * installed by .ci/run); no Docker engine is needed to validate a compose file.
 */
class DockerComposeConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();

    @Test
    void composeFileIsValidAndRunsTheWholeSystem() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose CLI not installed (apt-get install docker-compose)");

        Result quiet = run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q");
        assertThat(quiet.exitCode()).as(quiet.output()).isZero();

        Result services = run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "--services");
        assertThat(services.output().lines().toList()).containsExactlyInAnyOrder("kafka", "kafka-topics", "postgres",
                "redis", "capture-service", "scoring-service", "routing-service", "attribution-service",
                "reporting-service", "prometheus", "grafana");
    }

    @Test
    void everyServiceHasTheDockerfileTheComposeFileBuilds() {
        for (String service : LeadflowSystem.SERVICES) {
            assertThat(ROOT.resolve(service + "-service/src/main/docker/Dockerfile.jvm")).exists();
        }
        assertThat(ROOT.resolve("deploy/prometheus/prometheus.yml")).exists();
        assertThat(ROOT.resolve("deploy/postgres/init-databases.sql")).exists();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String executable) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }
}
