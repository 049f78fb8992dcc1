package dev.leadflow.devstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA 2048 key pair for signing development and test tokens, kept as PEM files in one folder:
 * {@code jwt-private.pem} (PKCS#8, readable by its owner only) and {@code jwt-public.pem} (X.509), the file the
 * services verify tokens with ({@code mp.jwt.verify.publickey.location}).
 */
public record JwtKeys(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    /** The key pair in {@code dir}, generated and written there first if the folder has none yet. */
    public static synchronized JwtKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateFile)) {
            write(dir, generate());
        }
        return load(dir);
    }

    /** A fresh key pair, in memory only (e.g. to sign tokens the services must reject). */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /** Reads the key pair written by {@link #loadOrCreate(Path)}. */
    public static JwtKeys load(Path dir) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(dir.resolve(PRIVATE_KEY_FILE))));
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
            return new JwtKeys(privateKey, publicKey, publicFile);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keys in " + dir + " are not an RSA key pair", e);
        }
    }

    private static void write(Path dir, KeyPair pair) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            // Created with mode 600 rather than chmod-ed afterwards, so the key is never readable by others.
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(e.getFile() + " appeared while creating it: is another process writing keys?", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the JWT keys to " + dir, e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) {
        try {
            String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": run ./leadflow up once to create the keys", e);
        }
    }
}
