package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class SerperClientTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void postsTheQueryAsJsonWithTheApiKeyHeader() {
		providers.serperClient().search("ann acme.io");

		var request = providers.requests().get(0);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/search");
		assertThat(request.getHeaders().get("X-API-KEY")).isEqualTo(FakeProviders.SERPER_KEY);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		var body = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(body.path("q").asString()).isEqualTo("ann acme.io");
		assertThat(body.path("num").asInt()).isEqualTo(10);
	}

	@Test
	void neverFollowsARedirectThatWouldCarryTheKeyElsewhere() {
		providers.serper = query -> new MockResponse.Builder().code(302).addHeader("Location", "/collect").build();

		assertThatThrownBy(() -> providers.serperClient().search("ann acme.io"))
			.isInstanceOf(RejectedRequestException.class);

		assertThat(providers.requests()).extracting(request -> request.getUrl().encodedPath())
			.containsExactly("/search");
	}

	@Test
	void failsClearlyOnAReplyThatNeverEndsInsteadOfReadingItAll() {
		providers.serper = query -> ProviderWire.endlessJson();

		assertThatThrownBy(() -> providers.serperClient().search("ann acme.io"))
			.isInstanceOf(TransientProviderException.class)
			.hasMessageContaining("the reply is larger than 2,097,152 bytes");
	}

	@Test
	void readsOrganicResultsInRankOrder() {
		var results = providers.serperClient().search("ann acme.io");

		assertThat(results.query()).isEqualTo("ann acme.io");
		assertThat(results.organic()).extracting(SearchResults.Organic::title)
			.containsExactly("Ann Lee - Head of Growth - Acme Inc | LinkedIn", "Acme Inc hires Ann Lee to lead growth");
		assertThat(results.organic().get(0).snippet()).startsWith("Ann Lee is Head of Growth at Acme Inc.");
		assertThat(results.organic().get(0).link()).isEqualTo("https://www.linkedin.com/in/ann-lee");
		assertThat(results.knowledgeGraph()).isNull();
	}

	@Test
	void readsTheKnowledgeGraphWhenGoogleShowsOne() {
		var results = providers.serperClient().search("acme.io");

		var graph = results.knowledgeGraph();
		assertThat(graph.title()).isEqualTo("Acme Inc");
		assertThat(graph.description())
			.isEqualTo("Acme Inc builds workflow automation for mid-market logistics teams.");
		assertThat(graph.attributes()).containsExactly(org.assertj.core.api.Assertions.entry("Founded", "2016"),
				org.assertj.core.api.Assertions.entry("Headquarters", "Austin, TX"),
				org.assertj.core.api.Assertions.entry("CEO", "Dana Ortiz"));
	}

	@Test
	void treatsAResponseWithoutResultsAsEmpty() {
		providers.serper = query -> ProviderWire.json(200, """
				{"searchParameters":{"q":"zzz.example","type":"search","engine":"google"},"organic":[],"credits":1}""");

		var results = providers.serperClient().search("zzz.example");

		assertThat(results.isEmpty()).isTrue();
	}

	@Test
	void refusesToCallWithoutAKey() {
		var settings = providers.settings();
		var unconfigured = new ProviderSettings(settings.serperUrl(), " ", settings.groqUrl(), settings.groqKey(),
				settings.groqModel(), 0.6, settings.connectTimeout(), settings.readTimeout());
		var client = new SerperClient(ProviderHttp.client(unconfigured), unconfigured);

		assertThatThrownBy(() -> client.search("acme.io")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SERPER_API_KEY");
		assertThat(providers.requests()).isEmpty();
	}

}
