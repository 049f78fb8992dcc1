package dev.leadflow.capture.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Rules for {@code Idempotency-Key} header values and the fingerprint that tells "same request" apart. */
public final class IdempotencyKeys {

    /** Printable ASCII without spaces, as UUIDs and the usual client-generated keys are. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    public static boolean isValid(String key) {
        return KEY.matcher(key).matches();
    }

    /** SHA-256 of the parts, separated so that ("ab", "c") and ("a", "bc") differ. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
