package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.config.Settings;
import io.gatehouse.support.TestSettings;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID USER = UUID.randomUUID();

    private final Settings settings = settings(Map.of());
    private final TokenIssuer issuer = new TokenIssuer(settings.jwt(), settings.secrets(), CLOCK);
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(settings.jwt(), settings.secrets(), CLOCK);

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put("jwt.access-secret", TestSettings.ACCESS);
        overrides.put("jwt.refresh-secret", TestSettings.REFRESH);
        return TestSettings.load(overrides);
    }

    private String issued() {
        return issuer.issueAccessToken(USER, "a@example.com", "user", Set.of("properties:read"), UUID.randomUUID()).value();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject(USER.toString())
                .claim("email", "a@example.com")
                .claim("role", "user")
                .claim("permissions", List.of("*"))
                .issuer("gatehouse")
                .audience("gatehouse")
                .issueTime(Date.from(NOW))
                .notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String hs256(JWSHeader header, JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWSHeader.Builder accessHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"));
    }

    private void assertRejected(String token, ErrorCode code) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(GatehouseException.class)
                .extracting(e -> ((GatehouseException) e).code())
                .isEqualTo(code);
    }

    @Test
    void verifyWhenIssuedThenReturnsClaims() {
        AccessTokenClaims claims = verifier.verify(issued());

        assertThat(claims.userId()).isEqualTo(USER);
        assertThat(claims.email()).isEqualTo("a@example.com");
        assertThat(claims.role()).isEqualTo("user");
        assertThat(claims.permissions()).containsExactly("properties:read");
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void verifyWhenAlgNoneThenInvalid() {
        assertRejected(new PlainJWT(claims().build()).serialize(), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenAlgHeaderRewrittenToNoneThenInvalid() {
        String[] parts = issued().split("\\.");
        String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}").toString();

        assertRejected(noneHeader + "." + parts[1] + ".", ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenHs512ThenInvalid() throws Exception {
        String token = hs256(new JWSHeader.Builder(JWSAlgorithm.HS512).type(new JOSEObjectType("at+jwt")).build(),
                claims().build(), TestSettings.ACCESS);

        assertRejected(token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenRs256WithEmbeddedJwkThenInvalid() throws Exception {
        RSAKey attackerKey = new RSAKeyGenerator(2048).generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt"))
                .jwk(attackerKey.toPublicJWK())
                .jwkURL(URI.create("https://attacker.invalid/jwks.json"))
                .keyID("attacker")
                .build();
        SignedJWT jwt = new SignedJWT(header, claims().build());
        jwt.sign(new RSASSASigner(attackerKey));

        assertRejected(jwt.serialize(), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenKidPresentThenKeyStillFromConfiguration() throws Exception {
        String token = hs256(accessHeader().keyID("some-other-key").build(), claims().build(), TestSettings.ACCESS);

        assertThat(verifier.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void verifyWhenSignedWithRefreshSecretThenInvalid() throws Exception {
        assertRejected(hs256(accessHeader().build(), claims().build(), TestSettings.REFRESH), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenPayloadTamperedThenInvalid() {
        String[] parts = issued().split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("properties:read", "*");

        assertRejected(parts[0] + "." + Base64URL.encode(payload) + "." + parts[2], ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenSignatureTamperedThenInvalid() {
        String token = issued();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertRejected(tampered, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenGarbageThenInvalid() {
        for (String garbage : List.of("", "garbage", "a.b.c", "....", "eyJ.eyJ.sig", "\u0000\u0001")) {
            assertRejected(garbage, ErrorCode.INVALID_TOKEN);
        }
    }

    @Test
    void verifyWhenTypeMissingOrWrongThenInvalid() throws Exception {
        String untyped = hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims().build(), TestSettings.ACCESS);
        String jwtTyped = hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims().build(), TestSettings.ACCESS);
        String refreshTyped = hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("refresh+jwt")).build(),
                claims().build(), TestSettings.ACCESS);

        assertRejected(untyped, ErrorCode.INVALID_TOKEN);
        assertRejected(jwtTyped, ErrorCode.INVALID_TOKEN);
        assertRejected(refreshTyped, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenRefreshTokenThenInvalid() {
        Instant issuedAt = issuer.now();
        String refresh = issuer.issueRefreshToken(USER, UUID.randomUUID(), UUID.randomUUID(), issuedAt,
                issuer.refreshExpiry(issuedAt)).value();

        assertRejected(refresh, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenIssuerWrongThenInvalid() throws Exception {
        assertRejected(hs256(accessHeader().build(), claims().issuer("someone-else").build(), TestSettings.ACCESS),
                ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenAudienceWrongOrMissingThenInvalid() throws Exception {
        assertRejected(hs256(accessHeader().build(), claims().audience("other").build(), TestSettings.ACCESS),
                ErrorCode.INVALID_TOKEN);
        assertRejected(hs256(accessHeader().build(), claims().audience((String) null).build(), TestSettings.ACCESS),
                ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenAnyAcceptedAudienceThenValid() throws Exception {
        Settings multi = settings(Map.of("jwt.accepted-audiences", "gatehouse,billing"));
        AccessTokenVerifier billing = new AccessTokenVerifier(multi.jwt(), multi.secrets(), CLOCK);

        String token = hs256(accessHeader().build(), claims().audience(List.of("billing", "x")).build(), TestSettings.ACCESS);

        assertThat(billing.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void verifyWhenExpiredBeyondSkewThenExpired() throws Exception {
        String token = hs256(accessHeader().build(),
                claims().expirationTime(Date.from(NOW.minusSeconds(31))).build(), TestSettings.ACCESS);

        assertRejected(token, ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void verifyWhenExpiredWithinSkewThenValid() throws Exception {
        String token = hs256(accessHeader().build(),
                claims().expirationTime(Date.from(NOW.minusSeconds(29))).build(), TestSettings.ACCESS);

        assertThat(verifier.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void verifyWhenNotBeforeInFutureThenInvalid() throws Exception {
        String token = hs256(accessHeader().build(),
                claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build(), TestSettings.ACCESS);

        assertRejected(token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenNotBeforeWithinSkewThenValid() throws Exception {
        String token = hs256(accessHeader().build(),
                claims().notBeforeTime(Date.from(NOW.plusSeconds(20))).build(), TestSettings.ACCESS);

        assertThat(verifier.verify(token).userId()).isEqualTo(USER);
    }

    @Test
    void verifyWhenRequiredClaimMissingThenInvalid() throws Exception {
        for (String claim : List.of("sub", "jti", "exp", "iat", "nbf", "permissions", "role", "email")) {
            JWTClaimsSet withoutClaim = new JWTClaimsSet.Builder(claims().build()).claim(claim, null).build();

            assertRejected(hs256(accessHeader().build(), withoutClaim, TestSettings.ACCESS), ErrorCode.INVALID_TOKEN);
        }
    }

    @Test
    void verifyWhenUnknownCriticalHeaderThenInvalid() throws Exception {
        JWSHeader header = accessHeader().criticalParams(Set.of("exp-policy")).customParam("exp-policy", "strict").build();

        assertRejected(hs256(header, claims().build(), TestSettings.ACCESS), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenEncryptedThenInvalid() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(
                new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).type(new JOSEObjectType("at+jwt")).build(),
                claims().build());
        jwt.encrypt(new DirectEncrypter(new byte[32]));

        assertRejected(jwt.serialize(), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenLongerThanLimitThenInvalidWithoutParsing() throws Exception {
        String padding = "x".repeat(settings.jwt().maxTokenLength());
        String token = hs256(accessHeader().build(), claims().claim("padding", padding).build(), TestSettings.ACCESS);

        assertRejected(token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void verifyWhenVerifiedBeforeAndNowExpiredThenExpired() {
        MovableClock clock = new MovableClock(NOW);
        AccessTokenVerifier cachingVerifier = new AccessTokenVerifier(settings.jwt(), settings.secrets(), clock);
        String token = issued();
        assertThat(cachingVerifier.verify(token).userId()).isEqualTo(USER);

        clock.now = NOW.plus(Duration.ofMinutes(15)).plusSeconds(31);

        assertThatThrownBy(() -> cachingVerifier.verify(token))
                .isInstanceOf(GatehouseException.class)
                .extracting(e -> ((GatehouseException) e).code())
                .isEqualTo(ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void verifyWhenTamperedCopyOfVerifiedTokenThenInvalid() {
        String token = issued();
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("properties:read", "*");

        assertRejected(parts[0] + "." + Base64URL.encode(payload) + "." + parts[2], ErrorCode.INVALID_TOKEN);
    }

    /** A clock a test can move forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void issuedTokenToStringHidesValue() {
        IssuedToken token = issuer.issueAccessToken(USER, "a@example.com", "user", Set.of(), UUID.randomUUID());

        assertThat(token.toString()).doesNotContain(token.value()).contains(token.jti());
    }
}
