package io.leadline.app.security;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;

/**
 * The API's token rules in one place: HS256 with the shared secret, ES256/RS256 with keys
 * from the JWKS URL (each decoder pinned to its algorithms, so a token cannot pick its
 * own), an expiry always, issuer and audience when set, a subject that is an account id
 * and not reserved, and no anonymous users unless allowed.
 */
final class TokenDecoders {

	private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

	private TokenDecoders() {
	}

	/**
	 * The decoder {@code serve} uses.
	 * @throws IllegalStateException when issuer or audience is missing and the operator
	 * did not allow any issuer on purpose, or when no key is configured
	 */
	static JwtDecoder forServe(JwtProperties properties) {
		if (!(properties.checksIssuer() && properties.checksAudience()) && !properties.allowAnyIssuer()) {
			throw new IllegalStateException("LEADLINE_JWT_ISSUER and LEADLINE_JWT_AUDIENCE must be set, so tokens"
					+ " of other projects are refused (set LEADLINE_JWT_ALLOW_ANY_ISSUER=true to accept any on purpose)");
		}
		OAuth2TokenValidator<Jwt> rules = validator(properties);
		JwtDecoder hmac = null;
		if (properties.hasSecret() || !properties.hasJwks()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(properties.key())
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
			decoder.setJwtValidator(rules);
			hmac = decoder;
		}
		JwtDecoder keys = null;
		if (properties.hasJwks()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl())
				.jwsAlgorithm(SignatureAlgorithm.ES256)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(rules);
			keys = decoder;
		}
		return new ByAlgorithm(hmac, keys);
	}

	private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefault());
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null));
		if (properties.checksIssuer()) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		if (properties.checksAudience()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					audience -> audience != null && audience.contains(properties.audience())));
		}
		validators.add(TokenDecoders::subjectIsAccountId);
		if (!properties.allowAnonymous()) {
			validators.add(TokenDecoders::notAnonymous);
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	// why: the subject becomes part of object keys (inputs/{owner}/...), so only safe ids
	// get in, and never the CLI's own account
	private static OAuth2TokenValidatorResult subjectIsAccountId(Jwt jwt) {
		if (Caller.isReserved(jwt.getSubject())) {
			return failure("sub '" + jwt.getSubject() + "' is a reserved account");
		}
		if (Caller.isAccountId(jwt.getSubject())) {
			return OAuth2TokenValidatorResult.success();
		}
		return failure("sub must be an account id (letters, digits and _ . @ -, at most 128)");
	}

	// why: Supabase anonymous sign-ins need no address, so anyone could mint accounts
	private static OAuth2TokenValidatorResult notAnonymous(Jwt jwt) {
		return Boolean.TRUE.equals(jwt.getClaimAsBoolean("is_anonymous"))
				? failure("anonymous users are not accepted; sign in with an account")
				: OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
	}

	/** Sends each token to the one decoder pinned to its header's algorithm. */
	private record ByAlgorithm(JwtDecoder hmac, JwtDecoder keys) implements JwtDecoder {

		@Override
		public Jwt decode(String token) throws JwtException {
			JWSAlgorithm algorithm = algorithmOf(token);
			if (JWSAlgorithm.HS256.equals(algorithm) && hmac != null) {
				return hmac.decode(token);
			}
			if (ASYMMETRIC.contains(algorithm) && keys != null) {
				return keys.decode(token);
			}
			throw new BadJwtException("tokens signed with " + algorithm + " are not accepted");
		}

		private static JWSAlgorithm algorithmOf(String token) {
			try {
				return JWSAlgorithm.parse(JWTParser.parse(token).getHeader().getAlgorithm().getName());
			}
			catch (ParseException | RuntimeException e) {
				throw new BadJwtException("malformed token", e);
			}
		}

	}

}
