package dev.leadflow.routing.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks style (standardwebhooks.com): the secret is {@code whsec_} followed by the
 * base64 of 24 to 64 random bytes, and {@code webhook-signature} is {@code v1,} followed by the base64 HMAC-SHA256,
 * keyed with those bytes, of {@code "<webhook-id>.<webhook-timestamp>.<body>"}. Pure: no framework.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    static final int MIN_SECRET_BYTES = 24;
    static final int MAX_SECRET_BYTES = 64;
    private static final int GENERATED_SECRET_BYTES = 32;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private WebhookSignature() {
    }

    /** A new random secret, {@code whsec_} and the base64 of 32 bytes. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether {@code secret} is {@code whsec_} and the base64 of 24 to 64 bytes. */
    public static boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        String encoded = secret.substring(SECRET_PREFIX.length());
        if (encoded.length() % 4 != 0 || !BASE64.matcher(encoded).matches()) {
            return false;
        }
        int length = Base64.getDecoder().decode(encoded).length;
        return length >= MIN_SECRET_BYTES && length <= MAX_SECRET_BYTES;
    }

    /**
     * The {@code webhook-signature} header value for one message.
     *
     * @param secret {@code whsec_<base64>}; the prefix is optional, as in the Standard Webhooks libraries
     * @param id the {@code webhook-id} (stable across retries)
     * @param timestamp the {@code webhook-timestamp}, seconds since the epoch
     * @param body the exact request body
     */
    public static String sign(String secret, String id, long timestamp, String body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
