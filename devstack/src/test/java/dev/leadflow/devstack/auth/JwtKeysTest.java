package dev.leadflow.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsAnRsa2048PairAsPemFilesWithThePrivateKeyReadableByItsOwnerOnly() throws Exception {
        JwtKeys keys = JwtKeys.loadOrCreate(dir.resolve("keys"));

        Path privateFile = dir.resolve("keys/jwt-private.pem");
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        assertThat(keys.publicKeyFile()).isEqualTo(dir.resolve("keys/jwt-public.pem").toAbsolutePath());
        assertThat(Files.readString(keys.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(((RSAPublicKey) keys.publicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void keepsTheKeysOfAnEarlierRun() throws Exception {
        JwtKeys first = JwtKeys.loadOrCreate(dir);
        String pem = Files.readString(dir.resolve(JwtKeys.PRIVATE_KEY_FILE));

        JwtKeys second = JwtKeys.loadOrCreate(dir);

        assertThat(Files.readString(dir.resolve(JwtKeys.PRIVATE_KEY_FILE))).isEqualTo(pem);
        assertThat(second.privateKey()).isEqualTo(first.privateKey());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void explainsHowToCreateKeysThatAreMissing() {
        assertThatThrownBy(() -> JwtKeys.load(dir))
                .hasMessageContaining(dir.resolve(JwtKeys.PRIVATE_KEY_FILE).toString())
                .hasMessageContaining("./leadflow up");
    }
}
