package dev.leadflow.routing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The test vector of the Standard Webhooks reference libraries (and Svix): same secret, id, timestamp and body.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheStandardWebhooksTestVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsTheSecretWithoutItsPrefixLikeTheReferenceLibraries() {
        assertThat(WebhookSignature.sign(SECRET.substring("whsec_".length()), ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void signsIdTimestampAndBodySoChangingAnyOfThemChangesTheSignature() {
        assertThat(WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(EXPECTED);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(EXPECTED);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY + " ")).isNotEqualTo(EXPECTED);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(new SecureRandom()), ID, TIMESTAMP, BODY))
                .isNotEqualTo(EXPECTED);
    }

    @Test
    void generatesValidDistinctSecretsOf32Bytes() {
        SecureRandom random = new SecureRandom();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret(random);
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            assertThat(WebhookSignature.isValidSecret(secret)).isTrue();
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }

    @Test
    void acceptsSecretsOf24To64BytesBehindThePrefixOnly() {
        assertThat(WebhookSignature.isValidSecret(SECRET)).isTrue();
        assertThat(WebhookSignature.isValidSecret(secretOf(24))).isTrue();
        assertThat(WebhookSignature.isValidSecret(secretOf(64))).isTrue();
        assertThat(WebhookSignature.isValidSecret(secretOf(23))).isFalse();
        assertThat(WebhookSignature.isValidSecret(secretOf(65))).isFalse();
        assertThat(WebhookSignature.isValidSecret(SECRET.substring(6))).as("no prefix").isFalse();
        assertThat(WebhookSignature.isValidSecret("whsec_not base64 at all!!")).isFalse();
        assertThat(WebhookSignature.isValidSecret("whsec_abc")).as("not padded base64").isFalse();
        assertThat(WebhookSignature.isValidSecret("whsec_")).isFalse();
        assertThat(WebhookSignature.isValidSecret(null)).isFalse();
    }

    private static String secretOf(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
