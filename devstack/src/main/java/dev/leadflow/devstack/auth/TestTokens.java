package dev.leadflow.devstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bearer tokens for the tests of a JVM, signed with one key pair created for the run. {@code DevStackTestResource}
 * hands the public key to each {@code @QuarkusTest} ({@code mp.jwt.verify.publickey.location}), so a test calls a
 * protected endpoint with {@code given().auth().oauth2(TestTokens.viewer())}.
 *
 * <p>The key folder is kept in a system property, so every class loader a test framework uses finds the same keys.
 */
public final class TestTokens {

    static final String KEY_DIR_PROPERTY = "leadflow.test.jwt.dir";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    /** The public key file of this JVM's key pair, created on first use under {@code target/}. */
    public static Path publicKeyFile() {
        return keys().publicKeyFile();
    }

    /** A valid token with role {@code leadflow-viewer}. */
    public static String viewer() {
        return withGroups(JwtTokens.VIEWER);
    }

    /** A valid token with role {@code leadflow-admin}. */
    public static String admin() {
        return withGroups(JwtTokens.ADMIN);
    }

    /** A valid token with exactly these groups (none for a token that is authentic but grants nothing). */
    public static String withGroups(String... groups) {
        return sign(keys().privateKey(), List.of(groups), Instant.now());
    }

    /** A viewer token that expired an hour ago. */
    public static String expiredViewer() {
        return sign(keys().privateKey(), List.of(JwtTokens.VIEWER), Instant.now().minus(LIFETIME.multipliedBy(2)));
    }

    /** A viewer token signed by a key the services do not know. */
    public static String viewerSignedByAnotherKey() {
        return sign(JwtKeys.generate().getPrivate(), List.of(JwtTokens.VIEWER), Instant.now());
    }

    private static String sign(PrivateKey key, List<String> groups, Instant issuedAt) {
        return JwtTokens.sign(key, JwtTokens.ISSUER, "test-user", groups, issuedAt, LIFETIME);
    }

    private static synchronized JwtKeys keys() {
        String dir = System.getProperty(KEY_DIR_PROPERTY);
        if (dir == null) {
            try {
                Path target = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target"));
                Path created = Files.createTempDirectory(target, "jwt-keys-");
                JwtKeys.loadOrCreate(created);
                dir = created.toString();
                System.setProperty(KEY_DIR_PROPERTY, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "jwt-keys-delete"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a folder for the test keys", e);
            }
        }
        return JwtKeys.load(Path.of(dir));
    }

    private static void delete(Path dir) {
        try {
            for (String file : List.of(JwtKeys.PRIVATE_KEY_FILE, JwtKeys.PUBLIC_KEY_FILE)) {
                Files.deleteIfExists(dir.resolve(file));
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // target/ is cleaned by the build anyway.
        }
    }
}
