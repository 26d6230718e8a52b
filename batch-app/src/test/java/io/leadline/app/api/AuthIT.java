package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bearer tokens: what gets in, what is refused, and how the refusal reads. */
class AuthIT extends ApiTestBase {

	@Test
	void refusesACallWithoutATokenAsAProblem() {
		var reply = api.get("/api/account", null);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(reply.json().path("code").asString()).isEqualTo("unauthorized");
	}

	@Test
	void refusesAnExpiredToken() {
		var reply = api.get("/api/account", TOKENS.expired("eve"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_token");
		assertThat(reply.json().path("detail").asString()).containsIgnoringCase("expired");
	}

	@Test
	void refusesATokenSignedWithAnotherSecret() {
		var reply = api.get("/api/account", TOKENS.signedWithAnotherSecret("eve"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_token");
	}

	@Test
	void refusesATokenForAnotherIssuerOrAudience() {
		var otherIssuer = api.get("/api/account", TOKENS.with("eve", c -> c.issuer("https://evil.example/auth/v1")));
		var otherAudience = api.get("/api/account", TOKENS.with("eve", c -> c.audience("anon")));

		assertThat(otherIssuer.status()).isEqualTo(401);
		assertThat(otherAudience.status()).isEqualTo(401);
	}

	@Test
	void refusesASubjectThatCannotBeAnAccountId() {
		var reply = api.get("/api/account", TOKENS.user("../etc"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("detail").asString()).contains("sub must be an account id");
	}

	@Test
	void refusesATokenForTheCliLocalAccount() {
		var reply = api.get("/api/account", TOKENS.user("local"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("detail").asString()).contains("reserved");
	}

	@Test
	void refusesATokenWithoutExpiry() {
		var reply = api.get("/api/account", TOKENS.with("eve", c -> c.expirationTime(null)));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("detail").asString()).contains("exp");
	}

	@Test
	void refusesSupabaseAnonymousUsers() {
		var reply = api.get("/api/account", TOKENS.with("eve", c -> c.claim("is_anonymous", true)));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("detail").asString()).contains("anonymous");
	}

	@Test
	void acceptsAnEs256TokenWhoseKeyTheJwksUrlPublishes() {
		String account = anAccount("jwks");

		var published = api.get("/api/account", JWKS.es256(account, ISSUER, "authenticated"));
		var unpublished = api.get("/api/account", JWKS.es256WithUnpublishedKey(account, ISSUER, "authenticated"));
		var otherIssuer = api.get("/api/account", JWKS.es256(account, "https://evil.example/auth/v1", "authenticated"));

		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().path("id").asString()).isEqualTo(account);
		assertThat(unpublished.status()).isEqualTo(401);
		assertThat(otherIssuer.status()).isEqualTo(401);
	}

	@Test
	void refusesAnAdminGrantToTheCliLocalAccount() {
		var reply = api.postJson("/api/admin/accounts/local/credits", TOKENS.admin("ops"),
				Map.of("amount", 10, "reason", "no"));

		assertThat(reply.status()).isEqualTo(400);
	}

	@Test
	void acceptsASupabaseStyleTokenAndCreatesTheAccountOnFirstUse() {
		String subject = "0b3e5f8e-3c1a-4d5e-9f7a-" + anAccount("x").substring(2, 10) + "abcd";

		var reply = api.get("/api/account", TOKENS.user(subject));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("id").asString()).isEqualTo(subject);
		assertThat(reply.json().path("balance").asLong()).isZero();
		assertThat(reply.json().path("admin").asBoolean()).isFalse();
	}

	@Test
	void letsOnlyAdminsGrantCredits() {
		String ann = anAccount("ann");
		var grant = Map.of("amount", 25, "reason", "welcome");

		var byUser = api.postJson("/api/admin/accounts/" + ann + "/credits", TOKENS.user(ann), grant);
		var byAppMetadataAdmin = api.postJson("/api/admin/accounts/" + ann + "/credits", TOKENS.admin("ops"), grant);
		var byTopLevelAdmin = api.postJson("/api/admin/accounts/" + ann + "/credits", TOKENS.topLevelAdmin("ops"),
				grant);

		assertThat(byUser.status()).isEqualTo(403);
		assertThat(byUser.json().path("code").asString()).isEqualTo("forbidden");
		assertThat(byAppMetadataAdmin.status()).isEqualTo(200);
		assertThat(byTopLevelAdmin.json().path("balance").asLong()).isEqualTo(50);
		assertThat(balance(TOKENS.user(ann))).isEqualTo(50).isEqualTo(ledgerSum(TOKENS.user(ann)));
		assertThat(api.get("/api/account/ledger", TOKENS.user(ann)).json().get(0).path("kind").asString())
			.isEqualTo("GRANT");
	}

	@Test
	void refusesAGrantThatIsNotPositive() {
		var reply = api.postJson("/api/admin/accounts/ann/credits", TOKENS.admin("ops"),
				Map.of("amount", 0, "reason", "x"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
	}

	@Test
	void servesHealthAndTheOpenApiDocumentWithoutAToken() {
		assertThat(api.get("/actuator/health", null).json().path("status").asString()).isEqualTo("UP");
		var docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").propertyNames()).containsAll(List.of("/api/uploads", "/api/jobs",
				"/api/jobs/{id}", "/api/jobs/{id}/result", "/api/account", "/api/admin/accounts/{id}/credits"));
		assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

}
