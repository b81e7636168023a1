package io.gatehouse.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Forges tokens for tests, signed with the test secrets or deliberately broken. */
public final class Tokens {

    private Tokens() {
    }

    /** Claims of a valid access token as Gatehouse issues them, ready to be altered. */
    public static JWTClaimsSet.Builder accessClaims(List<String> permissions) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("email", "forged@example.com")
                .claim("role", "user")
                .claim("permissions", permissions)
                .issuer("gatehouse")
                .audience("gatehouse")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    public static String sign(JWTClaimsSet claims, String secret, JWSAlgorithm algorithm, String type) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign test token", e);
        }
    }

    /** Signs like Gatehouse signs access tokens: HS256, typ at+jwt, the access secret. */
    public static String access(JWTClaimsSet claims) {
        return sign(claims, TestWar.ACCESS_SECRET, JWSAlgorithm.HS256, "at+jwt");
    }

    /** An unsecured token ({@code alg: none}) with the given claims. */
    public static String unsecured(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
