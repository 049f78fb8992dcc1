package dev.leadflow.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    @Test
    void signsWithTheKeyPairWhosePublicHalfTheServicesGet() throws Exception {
        PublicKey published = readPublicKey();

        assertThat(JwtTokensTest.verifies(TestTokens.viewer(), published)).isTrue();
        assertThat(JwtTokensTest.verifies(TestTokens.admin(), published)).isTrue();
        assertThat(JwtTokensTest.verifies(TestTokens.withGroups(), published)).isTrue();
        assertThat(JwtTokensTest.verifies(TestTokens.expiredViewer(), published)).isTrue();
        assertThat(JwtTokensTest.verifies(TestTokens.viewerSignedByAnotherKey(), published)).isFalse();
    }

    @Test
    void mintsTheRolesAskedFor() {
        assertThat(claims(TestTokens.viewer())).contains("\"groups\":[\"leadflow-viewer\"]");
        assertThat(claims(TestTokens.admin())).contains("\"groups\":[\"leadflow-admin\"]");
        assertThat(claims(TestTokens.withGroups("marketing"))).contains("\"groups\":[\"marketing\"]");
        assertThat(claims(TestTokens.withGroups())).contains("\"groups\":[]");
    }

    @Test
    void anExpiredTokenExpiredBeforeNowAndAValidOneLaterThanNow() {
        long now = Instant.now().getEpochSecond();

        assertThat(expiry(TestTokens.expiredViewer())).isLessThan(now);
        assertThat(expiry(TestTokens.viewer())).isGreaterThan(now);
    }

    private static PublicKey readPublicKey() throws Exception {
        String base64 = Files.readString(TestTokens.publicKeyFile())
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static long expiry(String token) {
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(claims(token));
        assertThat(exp.find()).isTrue();
        return Long.parseLong(exp.group(1));
    }
}
