package dev.leadflow.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtCliTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void createsTheKeysOnceAndPrintsThePublicKeyPath() {
        String printed = JwtCli.run(new String[] {"keys", "--dir", dir.toString()}, NOW);

        assertThat(printed).isEqualTo(dir.resolve("jwt-public.pem").toString());
        assertThat(JwtCli.run(new String[] {"keys", "--dir", dir.toString()}, NOW)).isEqualTo(printed);
    }

    @Test
    void printsAViewerTokenForAnHourByDefault() {
        String claims = claims(JwtCli.run(new String[] {"token", "--dir", dir.toString()}, NOW));

        assertThat(claims).contains("\"iss\":\"https://leadflow.dev\"", "\"groups\":[\"leadflow-viewer\"]",
                "\"iat\":1795435200", "\"exp\":1795438800");
    }

    @Test
    void printsAnAdminTokenWithTheAskedLifetimeAndIssuer() {
        String claims = claims(JwtCli.run(new String[] {"token", "--dir", dir.toString(), "--role", "leadflow-admin",
                "--ttl", "30m", "--issuer", "https://auth.example.com"}, NOW));

        assertThat(claims).contains("\"iss\":\"https://auth.example.com\"", "\"groups\":[\"leadflow-admin\"]",
                "\"exp\":1795437000");
    }

    @Test
    void signsWithTheKeyItCreated() throws Exception {
        String token = JwtCli.run(new String[] {"token", "--dir", dir.toString()}, NOW);
        JwtKeys keys = JwtKeys.load(dir);

        assertThat(JwtTokensTest.verifies(token, keys.publicKey())).isTrue();
    }

    @Test
    void rejectsAnUnknownRoleCommandOrOption() {
        assertThatThrownBy(() -> JwtCli.run(new String[] {"token", "--dir", dir.toString(), "--role", "root"}, NOW))
                .hasMessage("--role must be leadflow-viewer or leadflow-admin, got: root");
        assertThatThrownBy(() -> JwtCli.run(new String[] {"token", "--dir", dir.toString(), "--ttl", "forever"}, NOW))
                .hasMessageStartingWith("--ttl must be a positive duration");
        assertThatThrownBy(() -> JwtCli.run(new String[] {"mint"}, NOW))
                .hasMessage("unknown command 'mint': expected 'keys' or 'token'");
        assertThatThrownBy(() -> JwtCli.run(new String[] {"token", "--user", "ada"}, NOW))
                .hasMessage("unknown option --user (see ./leadflow help)");
        assertThatThrownBy(() -> JwtCli.run(new String[] {"token", "--role"}, NOW))
                .hasMessageStartingWith("expected --name value pairs");
        assertThatThrownBy(() -> JwtCli.run(new String[0], NOW)).hasMessage("expected 'keys' or 'token'");
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
