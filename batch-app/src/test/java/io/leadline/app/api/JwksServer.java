package io.leadline.app.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * A loopback identity provider publishing one ES256 key the way Supabase does
 * ({@code /auth/v1/.well-known/jwks.json}), and signing tokens with it or with a key it
 * does not publish.
 */
final class JwksServer {

	static final String PATH = "/auth/v1/.well-known/jwks.json";

	private final MockWebServer server = new MockWebServer();

	private final ECKey published;

	private final ECKey unpublished;

	JwksServer() throws IOException {
		try {
			published = new ECKeyGenerator(Curve.P_256).keyID("published").generate();
			unpublished = new ECKeyGenerator(Curve.P_256).keyID("published").generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		String keys = new JWKSet(published.toPublicJWK()).toString();
		server.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body(keys)
					.build();
			}
		});
		server.start();
	}

	String url() {
		return server.url(PATH).toString();
	}

	String es256(String subject, String issuer, String audience) {
		return sign(published, subject, issuer, audience);
	}

	String es256WithUnpublishedKey(String subject, String issuer, String audience) {
		return sign(unpublished, subject, issuer, audience);
	}

	private static String sign(ECKey key, String subject, String issuer, String audience) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.claim("role", "authenticated")
			.claim("app_metadata", Map.of("provider", "email"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new ECDSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

}
