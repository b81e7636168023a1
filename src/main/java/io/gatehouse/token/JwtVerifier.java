package io.gatehouse.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.gatehouse.error.ErrorCode;
import io.gatehouse.error.GatehouseException;
import java.security.Key;
import java.text.ParseException;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Verifies compact JWS tokens of one {@link TokenType} against one HMAC secret.
 *
 * <p>Everything is pinned rather than read from the token: the algorithm is HS256, the key is the
 * configured secret, and the {@code typ} header must match. Header parameters that could select
 * or fetch a key ({@code kid}, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never
 * consulted. nimbus-jose-jwt rejects unsecured ({@code alg: none}) and encrypted tokens because no
 * JWE key selector is configured, and rejects unknown {@code crit} parameters by default.
 *
 * <p>The processor is immutable after construction and safe to share between threads.
 */
final class JwtVerifier {

    private static final Logger LOG = LogManager.getLogger(JwtVerifier.class);
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    private final TokenType type;
    private final int maxLength;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    JwtVerifier(TokenType type, byte[] secret, RegisteredClaimsVerifier claimsVerifier, int maxLength) {
        this.type = type;
        this.maxLength = maxLength;
        List<Key> keys = List.of(new SecretKeySpec(secret, "HmacSHA256"));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type.joseType()));
        processor.setJWSKeySelector((header, context) -> ALGORITHM.equals(header.getAlgorithm()) ? keys : List.of());
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /**
     * Returns the verified claims.
     *
     * @throws GatehouseException {@code TOKEN_EXPIRED} for a genuine token past its expiry,
     *     {@code INVALID_TOKEN} for anything else
     */
    JWTClaimsSet verify(String token) {
        if (token.length() > maxLength) {
            LOG.debug("Rejected {} token: {} characters exceeds the limit of {}", type, token.length(), maxLength);
            throw invalid();
        }
        try {
            return processor.process(token, null);
        } catch (ExpiredJWTException e) {
            LOG.debug("Rejected {} token: {}", type, e.getMessage());
            throw new GatehouseException(ErrorCode.TOKEN_EXPIRED, "The " + description() + " has expired.");
        } catch (ParseException | BadJOSEException | JOSEException e) {
            // Library messages can quote header values, so they go to DEBUG only, never to the client.
            LOG.debug("Rejected {} token: {}", type, e.getMessage());
            throw invalid();
        }
    }

    private GatehouseException invalid() {
        return new GatehouseException(ErrorCode.INVALID_TOKEN, "The " + description() + " is invalid.");
    }

    private String description() {
        return type == TokenType.ACCESS ? "access token" : "refresh token";
    }
}
