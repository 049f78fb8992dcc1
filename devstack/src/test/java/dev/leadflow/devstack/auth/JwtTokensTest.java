package dev.leadflow.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

    private static final KeyPair KEYS = JwtKeys.generate();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void signsAnRs256TokenWithIssuerSubjectRolesAndLifetime() throws Exception {
        String token = JwtTokens.sign(KEYS.getPrivate(), "https://leadflow.dev", "ada", List.of("leadflow-viewer"),
                NOW, Duration.ofHours(1));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1]))
                .startsWith("{\"iss\":\"https://leadflow.dev\",\"sub\":\"ada\",\"upn\":\"ada\","
                        + "\"groups\":[\"leadflow-viewer\"],\"iat\":1795435200,\"exp\":1795438800,\"jti\":\"");
        assertThat(verifies(token, KEYS.getPublic())).isTrue();
    }

    @Test
    void aSignatureChecksOnlyWithItsOwnKey() throws Exception {
        String token = JwtTokens.sign(KEYS.getPrivate(), JwtTokens.ISSUER, "ada", List.of(), NOW, Duration.ofMinutes(5));

        assertThat(verifies(token, JwtKeys.generate().getPublic())).isFalse();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"groups\":[]", "\"groups\":[\"leadflow-admin\"]")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verifies(tampered, KEYS.getPublic())).isFalse();
    }

    @Test
    void listsEveryGroupAndNoneWhenThereAreNone() {
        assertThat(decode(JwtTokens.sign(KEYS.getPrivate(), JwtTokens.ISSUER, "ada",
                List.of("leadflow-viewer", "leadflow-admin"), NOW, Duration.ofMinutes(1)).split("\\.")[1]))
                .contains("\"groups\":[\"leadflow-viewer\",\"leadflow-admin\"]");
        assertThat(decode(JwtTokens.sign(KEYS.getPrivate(), JwtTokens.ISSUER, "ada", List.of(), NOW,
                Duration.ofMinutes(1)).split("\\.")[1])).contains("\"groups\":[]");
    }

    @Test
    void givesEveryTokenItsOwnId() {
        String first = JwtTokens.sign(KEYS.getPrivate(), JwtTokens.ISSUER, "ada", List.of(), NOW, Duration.ofMinutes(1));
        String second = JwtTokens.sign(KEYS.getPrivate(), JwtTokens.ISSUER, "ada", List.of(), NOW, Duration.ofMinutes(1));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersInClaims() {
        assertThat(JwtTokens.json("plain")).isEqualTo("\"plain\"");
        assertThat(JwtTokens.json("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(JwtTokens.json("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(JwtTokens.json("a\nb\u0001")).isEqualTo("\"a\\u000ab\\u0001\"");
        assertThat(JwtTokens.json("Zoë")).isEqualTo("\"Zoë\"");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static boolean verifies(String token, PublicKey key) throws Exception {
        int lastDot = token.lastIndexOf('.');
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }
}
