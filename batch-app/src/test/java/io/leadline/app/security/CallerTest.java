package io.leadline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

	@Test
	void seesOnlyItsOwnJobsAndFiles() {
		Caller ann = Caller.of(aToken(token -> token.subject("ann")));

		assertThat(ann.admin()).isFalse();
		assertThat(ann.mayAccess("ann")).isTrue();
		assertThat(ann.mayAccess("bob")).isFalse();
	}

	@Test
	void isAnAdminByATopLevelRoleClaim() {
		Caller root = Caller.of(aToken(token -> token.subject("root").claim("role", "admin")));

		assertThat(root.admin()).isTrue();
		assertThat(root.mayAccess("bob")).isTrue();
	}

	@Test
	void isAnAdminByTheRoleInAppMetadata() {
		Caller root = Caller.of(aToken(token -> token.subject("root").claim("app_metadata", Map.of("role", "admin"))));

		assertThat(root.admin()).isTrue();
	}

	@Test
	void isNoAdminByAnyOtherRole() {
		Caller ann = Caller.of(aToken(token -> token.subject("ann").claim("role", "administrator")));

		assertThat(ann.admin()).isFalse();
	}

	@Test
	void acceptsAccountIdsThatAreSafeKeyParts() {
		assertThat(Caller.requireAccountId("ann.smith@example.com")).isEqualTo("ann.smith@example.com");
		assertThat(Caller.isAccountId("a".repeat(128))).isTrue();
	}

	@Test
	void refusesAccountIdsThatCouldLeaveTheirFolder() {
		assertThat(Caller.isAccountId("../bob")).isFalse();
		assertThat(Caller.isAccountId("ann/..")).isFalse();
		assertThat(Caller.isAccountId("a..b")).isFalse();
		assertThat(Caller.isAccountId(".hidden")).isFalse();
		assertThat(Caller.isAccountId("a".repeat(129))).isFalse();
		assertThat(Caller.isAccountId(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Caller.requireAccountId("ann/bob"))
			.withMessageContaining("not an account id");
	}

	private static Jwt aToken(Consumer<Jwt.Builder> claims) {
		Jwt.Builder token = Jwt.withTokenValue("token")
			.header("alg", "HS256")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.accept(token);
		return token.build();
	}

}
