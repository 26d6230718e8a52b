package io.leadline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What the server demands of its token settings, and what the token command will sign.
 */
class TokenRulesTest {

	private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

	@Test
	void serveRefusesToStartWithoutIssuerAndAudience() {
		var unchecked = new JwtProperties(SECRET, "", "", "", false, false);

		assertThatThrownBy(() -> TokenDecoders.forServe(unchecked)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("LEADLINE_JWT_ISSUER")
			.hasMessageContaining("LEADLINE_JWT_ALLOW_ANY_ISSUER");
	}

	@Test
	void serveStartsWithoutIssuerWhenTheOperatorAllowsAnyOnPurpose() {
		var allowed = new JwtProperties(SECRET, "", "", "", true, false);

		assertThat(TokenDecoders.forServe(allowed)).isNotNull();
	}

	@Test
	void theTokenCommandSignsAtMostThirtyDays() {
		var minter = new TokenMinter(new JwtProperties(SECRET, "https://issuer", "authenticated", "", false, false));

		assertThat(minter.mint("ops", true, Duration.ofHours(720)).expiresAt()).isNotNull();
		assertThatThrownBy(() -> minter.mint("ops", true, Duration.ofHours(8760)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("720");
	}

	@Test
	void theTokenCommandRefusesTheCliLocalAccount() {
		var minter = new TokenMinter(new JwtProperties(SECRET, "https://issuer", "authenticated", "", false, false));

		assertThatThrownBy(() -> minter.mint("local", false, Duration.ofHours(1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reserved");
	}

	@Test
	void propertiesNeverPrintTheSecret() {
		assertThat(new JwtProperties(SECRET, "i", "a", "", false, false).toString()).doesNotContain(SECRET);
	}

}
