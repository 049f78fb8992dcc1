package dev.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's local-run command, as a user runs it: up, use (with a token from {@code ./leadflow token}), down, up
 * again with the data and the keys kept, down.
 */
class LeadflowScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path home = ROOT.resolve("system-tests/target/leadflow-home-" + UUID.randomUUID());
    private final Map<String, String> ports = new LinkedHashMap<>();

    LeadflowScriptIT() {
        for (String name : List.of("CAPTURE", "SCORING", "ROUTING", "ATTRIBUTION", "REPORTING", "KAFKA",
                "KAFKA_CONTROLLER", "POSTGRES", "REDIS")) {
            ports.put("LEADFLOW_" + name + "_PORT", String.valueOf(FreePorts.next()));
        }
    }

    @AfterEach
    void stopWhateverIsLeftAndDeleteItsData() throws Exception {
        leadflow("down");
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void upServesLeadsToTokenHoldersDownLeavesNothingAndDataSurvivesTheNextUp() throws Exception {
        Result up = leadflow("up", "--detach", "--no-build");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Leadflow is up", "curl");
        assertThat(leadflow("status").output().lines().filter(l -> l.contains(" UP")).count()).isEqualTo(6);

        String token = token();
        UUID lead = postQualifyingLead();
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(lead, token).body().contains("\"routedAt\":\""));
        assertThatReportingWantsAToken(lead);
        List<Long> pids = pids();

        assertThat(leadflow("down").exitCode()).isZero();
        assertThat(pids).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("process %d after down", pid).isNotEqualTo(java.util.Optional.of(true)));

        assertThat(leadflow("up", "--detach", "--no-build").exitCode()).isZero();
        assertThat(timeline(lead, token).body()).as("data and keys kept across down/up").contains("\"routedAt\":\"");
    }

    private void assertThatReportingWantsAToken(UUID lead) throws Exception {
        HttpResponse<String> anonymous = timeline(lead, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(timeline(lead, token("--role", "leadflow-admin", "--ttl", "5m")).statusCode()).isEqualTo(200);
        assertThat(Files.getPosixFilePermissions(home.resolve("keys/jwt-private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Result wrongRole = leadflow("token", "--role", "root");
        assertThat(wrongRole.exitCode()).isEqualTo(2);
        assertThat(wrongRole.output()).contains("--role must be leadflow-viewer or leadflow-admin");
    }

    @Test
    void aPortInUseIsReportedClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(Integer.parseInt(ports.get("LEADFLOW_ROUTING_PORT")))) {
            Result up = leadflow("up", "--detach", "--no-build");

            assertThat(up.exitCode()).isEqualTo(2);
            assertThat(up.output()).contains("port " + taken.getLocalPort() + " (routing) is already in use")
                    .doesNotContain("Exception");
        }
    }

    private List<Long> pids() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("run"))) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim());
                } catch (IOException | NumberFormatException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private UUID postQualifyingLead() throws Exception {
        String body = """
                {"formId":"demo-request","email":"script.%s@acme.example","jobTitle":"VP Sales",
                 "companySize":"1000+","country":"US","pageUrl":"https://www.example.com/pricing"}"""
                .formatted(UUID.randomUUID());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("CAPTURE", "/api/v1/leads"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).get("leadId").asText());
    }

    /** What {@code ./leadflow token} prints: the token alone, ready for {@code $(...)}. */
    private String token(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("token"));
        args.addAll(List.of(options));
        Result token = leadflow(args.toArray(String[]::new));
        assertThat(token.exitCode()).as(token.output()).isZero();
        assertThat(token.output()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n");
        return token.output().trim();
    }

    private HttpResponse<String> timeline(UUID lead, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("REPORTING", "/api/v1/leads/" + lead + "/timeline"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get("LEADFLOW_" + service + "_PORT") + path);
    }

    private record Result(int exitCode, String output) {
    }

    private Result leadflow(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("leadflow").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ports);
        builder.environment().put("LEADFLOW_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
