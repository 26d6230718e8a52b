package io.leadline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Tokens the minter signs and the API's decoder accepts, or refuses. */
class TokensTest {

	private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

	private static final JwtProperties SUPABASE = new JwtProperties(SECRET, "https://ref.supabase.co/auth/v1",
			"authenticated", null, false, false);

	@Test
	void acceptsATokenItMintedAndKnowsTheCaller() {
		String token = new TokenMinter(SUPABASE).mint("ann", false, Duration.ofMinutes(5)).token();

		Caller caller = Caller.of(decoder(SUPABASE).decode(token));

		assertThat(caller).isEqualTo(new Caller("ann", false));
	}

	@Test
	void mintsAdminsWithTheRoleInAppMetadata() {
		String token = new TokenMinter(SUPABASE).mint("root", true, Duration.ofMinutes(5)).token();

		assertThat(Caller.of(decoder(SUPABASE).decode(token)).admin()).isTrue();
	}

	@Test
	void refusesATokenForAnotherAudience() {
		String token = new TokenMinter(new JwtProperties(SECRET, SUPABASE.issuer(), "someone-else", null, false, false))
			.mint("ann", false, Duration.ofMinutes(5))
			.token();

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder(SUPABASE).decode(token));
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		String token = new TokenMinter(
				new JwtProperties(SECRET, "https://evil.example", SUPABASE.audience(), null, false, false))
			.mint("ann", false, Duration.ofMinutes(5))
			.token();

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder(SUPABASE).decode(token));
	}

	@Test
	void neverMintsForASubjectThatIsNoAccountId() {
		TokenMinter minter = new TokenMinter(SUPABASE);

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> minter.mint("../bob", false, Duration.ofMinutes(5)));
	}

	@Test
	void namesTheVariableWhenTheSecretIsTooShort() {
		JwtProperties weak = new JwtProperties("short", null, null, null, true, false);

		assertThatIllegalStateException().isThrownBy(() -> decoder(weak))
			.withMessageContaining("LEADLINE_JWT_SECRET is 5 bytes");
	}

	private static JwtDecoder decoder(JwtProperties properties) {
		return TokenDecoders.forServe(properties);
	}

}
