package io.leadline.app.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are checked: HS256 with a shared secret (Supabase's legacy "JWT
 * secret" works as it is) and/or ES256/RS256 with keys from a JWKS URL (Supabase's
 * signing keys), always with an expiry, and with issuer and audience unless the operator
 * opts out on purpose.
 *
 * @param secret {@code LEADLINE_JWT_SECRET}, at least 32 bytes (HS256 needs 256 bits);
 * optional when {@code jwksUrl} is set
 * @param issuer {@code LEADLINE_JWT_ISSUER}, e.g.
 * {@code https://<ref>.supabase.co/auth/v1}
 * @param audience {@code LEADLINE_JWT_AUDIENCE}, e.g. {@code authenticated}
 * @param jwksUrl {@code LEADLINE_JWT_JWKS_URL}, e.g.
 * {@code https://<ref>.supabase.co/auth/v1/.well-known/jwks.json}
 * @param allowAnyIssuer {@code LEADLINE_JWT_ALLOW_ANY_ISSUER}: {@code serve} starts
 * without issuer and audience only when this is true
 * @param allowAnonymous {@code LEADLINE_JWT_ALLOW_ANONYMOUS}: accept Supabase anonymous
 * users ({@code is_anonymous: true}), who can sign up without any address
 */
@ConfigurationProperties("leadline.jwt")
public record JwtProperties(String secret, String issuer, String audience, String jwksUrl,
		@DefaultValue("false") boolean allowAnyIssuer, @DefaultValue("false") boolean allowAnonymous) {

	static final int MIN_SECRET_BYTES = 32;

	/**
	 * @throws IllegalStateException naming the variable when the secret is missing or too
	 * short
	 */
	SecretKey key() {
		if (!hasSecret()) {
			throw new IllegalStateException(
					"LEADLINE_JWT_SECRET is not set: the API needs the HS256 secret its tokens are signed with");
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException(
					"LEADLINE_JWT_SECRET is " + bytes.length + " bytes; HS256 needs at least " + MIN_SECRET_BYTES);
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	boolean hasSecret() {
		return secret != null && !secret.isBlank();
	}

	boolean hasJwks() {
		return jwksUrl != null && !jwksUrl.isBlank();
	}

	boolean checksIssuer() {
		return issuer != null && !issuer.isBlank();
	}

	boolean checksAudience() {
		return audience != null && !audience.isBlank();
	}

	// why: settings get logged (startup failures, actuator); the secret never is
	@Override
	public String toString() {
		return "JwtProperties[secret=%s, issuer=%s, audience=%s, jwksUrl=%s, allowAnyIssuer=%s, allowAnonymous=%s]"
			.formatted(hasSecret() ? "****" : "", issuer, audience, jwksUrl, allowAnyIssuer, allowAnonymous);
	}

}
