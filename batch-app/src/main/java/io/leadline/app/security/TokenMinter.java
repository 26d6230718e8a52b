package io.leadline.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the API accepts, with the configured secret, issuer and audience: for
 * operators and local testing ({@code ./leadline token --sub alice}). Production tokens
 * come from the identity provider (Supabase) instead.
 */
@Component
@EnableConfigurationProperties(JwtProperties.class)
public class TokenMinter {

	private final JwtProperties properties;

	TokenMinter(JwtProperties properties) {
		this.properties = properties;
	}

	/** The longest a minted token lives: an operator's token is renewed, not kept. */
	public static final Duration MAX_VALIDITY = Duration.ofHours(720);

	/** A signed token and when it stops working. */
	public record Minted(String token, Instant expiresAt) {
	}

	/**
	 * @throws IllegalArgumentException for a reserved or unsafe subject, or a validity
	 * beyond {@link #MAX_VALIDITY}
	 */
	public Minted mint(String subject, boolean admin, Duration validFor) {
		Caller.requireAccountId(subject);
		if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
			throw new IllegalArgumentException(
					"a token is valid for 1 to %d hours, not %d".formatted(MAX_VALIDITY.toHours(), validFor.toHours()));
		}
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(validFor)));
		if (properties.checksIssuer()) {
			claims.issuer(properties.issuer());
		}
		if (properties.checksAudience()) {
			claims.audience(properties.audience());
		}
		if (admin) {
			claims.claim("app_metadata", Map.of("role", Caller.ADMIN));
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
			jwt.sign(new MACSigner(properties.key()));
			return new Minted(jwt.serialize(), claims.build().getExpirationTime().toInstant());
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
		}
	}

}
