package io.leadline.jobs.research;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat completions on Groq's OpenAI-compatible API: {@code POST
 * {groqUrl}/chat/completions} with a Bearer key, the configured model and temperature.
 * Thread-safe.
 */
public final class GroqClient {

	static final String PROVIDER = "groq";

	private static final MediaType JSON = MediaType.get("application/json");

	private final ProviderSettings settings;

	private final ProviderCall call;

	/** A client without rate limits, e.g. for a single CLI lookup. */
	public GroqClient(OkHttpClient http, ProviderSettings settings) {
		this(http, settings, ProviderLimiter.unlimited(PROVIDER));
	}

	/**
	 * A client whose calls wait their turn in {@code limiter}, shared by every row of the
	 * job.
	 */
	public GroqClient(OkHttpClient http, ProviderSettings settings, ProviderLimiter limiter) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.call = new ProviderCall(http, limiter);
	}

	/**
	 * @throws TransientProviderException on 429, 498, 5xx, timeouts or a malformed body
	 * @throws FatalProviderException on a rejected key or exhausted credits
	 * @throws RejectedRequestException on any other 4xx
	 */
	public ChatCompletion complete(ChatRequest chat) {
		if (settings.groqKey() == null) {
			throw new IllegalStateException("groq: GROQ_API_KEY is not set; check ProviderSettings.configured() first");
		}
		var request = new Request.Builder().url(settings.groqUrl() + "/chat/completions")
			.header("Authorization", "Bearer " + settings.groqKey())
			.post(RequestBody.create(body(settings, chat).toString(), JSON))
			.build();
		try (var permit = call.permit(PROVIDER, chat.estimatedTokens())) {
			var reply = call.post(PROVIDER, request, GroqClient::isFailedJsonGeneration);
			if (reply.json() == null) {
				// why: in JSON mode Groq answers 400 json_validate_failed when the model
				// wrote invalid JSON;
				// that is the model's mistake, so hand its text to the caller's
				// corrective retry instead of failing the row
				return new ChatCompletion(errorOf(reply.body()).path("failed_generation").asString(""), 0, 0);
			}
			var completion = completion(reply.json());
			permit.reportTokens(completion.promptTokens() + completion.completionTokens());
			return completion;
		}
	}

	/**
	 * The chat completion request body for {@code chat}; the Batch API sends the same
	 * body in each line of its input file.
	 */
	static ObjectNode body(ProviderSettings settings, ChatRequest chat) {
		var body = JsonMapper.shared()
			.createObjectNode()
			.put("model", settings.groqModel())
			.put("temperature", settings.temperature())
			.put("max_completion_tokens", ChatRequest.MAX_COMPLETION_TOKENS);
		var messages = body.putArray("messages");
		for (var message : chat.messages()) {
			messages.addObject().put("role", message.role()).put("content", message.content());
		}
		if (chat.json()) {
			body.putObject("response_format").put("type", "json_object");
		}
		return body;
	}

	private ChatCompletion completion(JsonNode json) {
		var completion = completionOf(json);
		if (completion == null) {
			throw call.malformed(PROVIDER, "no choices[0].message in " + json);
		}
		return completion;
	}

	/**
	 * The answer in a {@code chat.completion} body, or null when it has no
	 * {@code choices[0].message}.
	 */
	static ChatCompletion completionOf(JsonNode json) {
		var message = json.path("choices").path(0).path("message");
		if (!message.isObject()) {
			return null;
		}
		var usage = json.path("usage");
		// why: a reasoning model that spends its budget thinking returns null content;
		// the caller's validation handles ""
		return new ChatCompletion(message.path("content").asString(""),
				Math.max(0, usage.path("prompt_tokens").asLong(0)),
				Math.max(0, usage.path("completion_tokens").asLong(0)));
	}

	private static boolean isFailedJsonGeneration(int status, String body) {
		return status == 400 && "json_validate_failed".equals(errorOf(body).path("code").asString(""));
	}

	private static JsonNode errorOf(String body) {
		try {
			return JsonMapper.shared().readTree(body).path("error");
		}
		catch (JacksonException e) {
			return JsonMapper.shared().missingNode();
		}
	}

}
