package io.leadline.jobs.research;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google search through Serper: {@code POST {serperUrl}/search} with the
 * {@code X-API-KEY} header and {@code {"q": query, "num": 10}}. Thread-safe.
 */
public final class SerperClient {

	static final String PROVIDER = "serper";
	static final int RESULTS = 10;

	private static final MediaType JSON = MediaType.get("application/json");

	private final ProviderSettings settings;

	private final ProviderCall call;

	/** A client without rate limits, e.g. for a single CLI lookup. */
	public SerperClient(OkHttpClient http, ProviderSettings settings) {
		this(http, settings, ProviderLimiter.unlimited(PROVIDER));
	}

	/**
	 * A client whose calls wait their turn in {@code limiter}, shared by every row of the
	 * job.
	 */
	public SerperClient(OkHttpClient http, ProviderSettings settings, ProviderLimiter limiter) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.call = new ProviderCall(http, limiter);
	}

	/**
	 * @throws TransientProviderException on 429, 5xx, timeouts or a malformed body
	 * @throws FatalProviderException on a rejected key or exhausted credits
	 * @throws RejectedRequestException on any other 4xx
	 */
	public SearchResults search(String query) {
		if (settings.serperKey() == null) {
			throw new IllegalStateException(
					"serper: SERPER_API_KEY is not set; check ProviderSettings.configured() first");
		}
		var body = JsonMapper.shared().createObjectNode().put("q", query).put("num", RESULTS);
		var request = new Request.Builder().url(settings.serperUrl() + "/search")
			.header("X-API-KEY", settings.serperKey())
			.post(RequestBody.create(body.toString(), JSON))
			.build();
		try (var permit = call.permit(PROVIDER, 0)) {
			return results(query, call.postJson(PROVIDER, request));
		}
	}

	private static SearchResults results(String query, JsonNode json) {
		var organic = new ArrayList<SearchResults.Organic>();
		for (var hit : json.path("organic")) {
			organic.add(new SearchResults.Organic(hit.path("title").asString(""), hit.path("snippet").asString(""),
					hit.path("link").asString("")));
		}
		return new SearchResults(query, organic, knowledgeGraph(json.get("knowledgeGraph")));
	}

	private static SearchResults.KnowledgeGraph knowledgeGraph(JsonNode graph) {
		if (graph == null || !graph.isObject()) {
			return null;
		}
		var attributes = new LinkedHashMap<String, String>();
		for (var attribute : graph.path("attributes").properties()) {
			attributes.put(attribute.getKey(), attribute.getValue().asString(""));
		}
		return new SearchResults.KnowledgeGraph(graph.path("title").asString(""),
				graph.path("description").asString(""), attributes);
	}

}
