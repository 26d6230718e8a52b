package io.leadline.app.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints bearer tokens shaped like Supabase's, good or broken on purpose. */
record Tokens(String secret, String issuer, String audience) {

	String user(String subject) {
		return sign(secret, claims(subject, Duration.ofHours(1)).build());
	}

	/** Admin the Supabase way: {@code app_metadata.role}. */
	String admin(String subject) {
		return sign(secret,
				claims(subject, Duration.ofHours(1)).claim("app_metadata", Map.of("role", "admin")).build());
	}

	/** Admin by a top-level {@code role} claim. */
	String topLevelAdmin(String subject) {
		return sign(secret, claims(subject, Duration.ofHours(1)).claim("role", "admin").build());
	}

	String expired(String subject) {
		return sign(secret, claims(subject, Duration.ofHours(-1)).build());
	}

	String signedWithAnotherSecret(String subject) {
		return sign("another-secret-another-secret-another-secret", claims(subject, Duration.ofHours(1)).build());
	}

	String with(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
		return sign(secret, change.apply(claims(subject, Duration.ofHours(1))).build());
	}

	private JWTClaimsSet.Builder claims(String subject, Duration validFor) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.claim("role", "authenticated")
			.issueTime(Date.from(now.minus(Duration.ofHours(2))))
			.expirationTime(Date.from(now.plus(validFor)));
	}

	private static String sign(String secret, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
