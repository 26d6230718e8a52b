package io.leadline.app.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are checked: HS256 with a shared secret (Supabase's "JWT secret"
 * works as it is), plus issuer and audience when set.
 *
 * @param secret {@code LEADLINE_JWT_SECRET}, at least 32 bytes (HS256 needs 256 bits)
 * @param issuer {@code LEADLINE_JWT_ISSUER}, e.g.
 * {@code https://<ref>.supabase.co/auth/v1}; unchecked when blank
 * @param audience {@code LEADLINE_JWT_AUDIENCE}, e.g. {@code authenticated}; unchecked
 * when blank
 */
@ConfigurationProperties("leadline.jwt")
public record JwtProperties(String secret, String issuer, String audience) {

	static final int MIN_SECRET_BYTES = 32;

	/**
	 * @throws IllegalStateException naming the variable when the secret is missing or too
	 * short
	 */
	SecretKey key() {
		if (secret == null || secret.isBlank()) {
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

	boolean checksIssuer() {
		return issuer != null && !issuer.isBlank();
	}

	boolean checksAudience() {
		return audience != null && !audience.isBlank();
	}
}
