package io.leadline.jobs.research;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groq's Batch API, as every OpenAI-compatible provider speaks it: upload a JSONL file of
 * chat completion requests ({@code POST /files}, purpose {@code batch}), create a batch
 * from it ({@code POST /batches}), poll it ({@code GET /batches/{id}}) and download its
 * output and error files ({@code GET /files/{id}/content}). Failures are classified like
 * live calls ({@link ProviderErrors}). Thread-safe.
 *
 * <pre>{@code
 * var batches = new GroqBatches(ProviderHttp.client(settings), settings);
 * String file = batches.upload("research-1.jsonl", jsonl);
 * ProviderBatch batch = batches.create(file, "24h");
 * // later, until batch.isTerminal():
 * batch = batches.get(batch.id());
 * try (var out = Files.newOutputStream(path)) {
 *   batches.download(batch.outputFileId(), out, properties.maxDownload().toBytes());
 * }
 * }</pre>
 */
public final class GroqBatches {

	static final String PROVIDER = "groq-batch";

	private static final MediaType JSON = MediaType.get("application/json");

	private static final MediaType JSONL = MediaType.get("application/jsonl");

	// why: one page of GET /batches is enough to find a batch created moments before a
	// crash; older ones were recorded
	private static final int LIST_PAGE = 100;

	private final ProviderSettings settings;

	private final ProviderCall call;

	public GroqBatches(OkHttpClient http, ProviderSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.call = new ProviderCall(http, ProviderLimiter.unlimited(PROVIDER));
	}

	/** Uploads one batch input file; returns its file id. */
	public String upload(String fileName, byte[] jsonl) {
		var body = new MultipartBody.Builder().setType(MultipartBody.FORM)
			.addFormDataPart("purpose", "batch")
			.addFormDataPart("file", fileName, RequestBody.create(jsonl, JSONL))
			.build();
		var reply = call.postJson(PROVIDER, authorized(settings.groqUrl() + "/files").post(body).build());
		return required(reply, "id");
	}

	/**
	 * Creates a batch of the uploaded file's requests.
	 * @param completionWindow how long the provider may take, e.g. {@code 24h}
	 */
	public ProviderBatch create(String inputFileId, String completionWindow) {
		var body = JsonMapper.shared()
			.createObjectNode()
			.put("input_file_id", inputFileId)
			.put("endpoint", BatchFiles.ENDPOINT)
			.put("completion_window", completionWindow);
		var request = authorized(settings.groqUrl() + "/batches").post(RequestBody.create(body.toString(), JSON))
			.build();
		return batchOf(call.postJson(PROVIDER, request));
	}

	public ProviderBatch get(String batchId) {
		return batchOf(call.postJson(PROVIDER, authorized(settings.groqUrl() + "/batches/" + batchId).get().build()));
	}

	/**
	 * The batch created from {@code inputFileId}, among the most recent ones: after a
	 * crash between creating a batch and recording its id, this finds it instead of
	 * creating a second one.
	 */
	public Optional<ProviderBatch> findByInputFile(String inputFileId) {
		var url = HttpUrl.get(settings.groqUrl() + "/batches")
			.newBuilder()
			.addQueryParameter("limit", Integer.toString(LIST_PAGE))
			.build();
		var page = call.postJson(PROVIDER, authorized(url.toString()).get().build());
		for (var batch : page.path("data")) {
			if (inputFileId.equals(batch.path("input_file_id").asString(""))) {
				return Optional.of(batchOf(batch));
			}
		}
		return Optional.empty();
	}

	/**
	 * Streams an output or error file (JSONL, one line per request) to {@code out}.
	 * @return the bytes written
	 * @throws TransientProviderException when the file is larger than {@code maxBytes};
	 * what was written to {@code out} is then incomplete and must be discarded
	 */
	public long download(String fileId, OutputStream out, long maxBytes) {
		return call.download(PROVIDER, authorized(settings.groqUrl() + "/files/" + fileId + "/content").get().build(),
				out, maxBytes);
	}

	private Request.Builder authorized(String url) {
		if (settings.groqKey() == null) {
			throw new IllegalStateException("groq: GROQ_API_KEY is not set; check ProviderSettings.configured() first");
		}
		return new Request.Builder().url(url).header("Authorization", "Bearer " + settings.groqKey());
	}

	private ProviderBatch batchOf(JsonNode json) {
		var counts = json.path("request_counts");
		return new ProviderBatch(required(json, "id"), required(json, "status"),
				json.path("input_file_id").asString(""), textOrNull(json, "output_file_id"),
				textOrNull(json, "error_file_id"), counts.path("total").asInt(0), counts.path("completed").asInt(0),
				counts.path("failed").asInt(0));
	}

	private String required(JsonNode json, String field) {
		var value = json.path(field).asString("");
		if (value.isEmpty()) {
			throw call.malformed(PROVIDER, "no " + field + " in " + json);
		}
		return value;
	}

	private static String textOrNull(JsonNode json, String field) {
		var value = json.path(field);
		return value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
	}

}
