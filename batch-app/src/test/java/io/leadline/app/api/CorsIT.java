package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * A separately hosted frontend: only {@code LEADLINE_CORS_ORIGINS} may call the API from
 * a browser.
 */
class CorsIT extends ApiTestBase {

	@Test
	void answersAPreflightFromTheConfiguredOrigin() throws Exception {
		var reply = preflight(FRONTEND);

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONTEND);
		assertThat(reply.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
			.containsIgnoringCase("authorization");
	}

	@Test
	void refusesAPreflightFromAnyOtherOrigin() throws Exception {
		var reply = preflight("https://evil.example");

		assertThat(reply.statusCode()).isEqualTo(403);
		assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void letsTheConfiguredOriginReadAnAnswer() throws Exception {
		String token = TOKENS.user(anAccount("cors"));

		var reply = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account"))
				.header("Origin", FRONTEND)
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).contains(FRONTEND);
	}

	private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "authorization,content-type")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
