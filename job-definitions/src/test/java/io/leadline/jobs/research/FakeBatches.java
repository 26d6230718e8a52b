package io.leadline.jobs.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groq's Files and Batches API on the {@link FakeProviders} loopback server, in the real
 * wire format: multipart {@code POST /files} (purpose {@code batch}), {@code POST
 * /batches}, {@code GET /batches[/{id}]}, {@code GET /files/{id}/content}. A batch
 * answers each line as the live fake would ({@code FakeProviders.groq}) and moves
 * {@code validating → in_progress → finalizing → completed} one poll at a time, once
 * {@link #processing} has passed and unless {@link #hold} is set; it can also expire with
 * only part of its lines answered, fail validation, or write malformed lines.
 */
public final class FakeBatches {

	/** How long a batch works before it may finish (wall time, for benches). */
	public volatile Duration processing = Duration.ZERO;

	/** While set, every batch stays {@code in_progress}. */
	public volatile boolean hold;

	/**
	 * The share of a batch's lines answered before it ends; below 1 the batch ends
	 * {@code expired} and the rest go to its error file as {@code batch_expired}. Applies
	 * to batches created while it is set.
	 */
	public volatile double answeredShare = 1.0;

	/** Batches created while set end {@code failed} at validation, with no files. */
	public volatile boolean failValidation;

	/**
	 * Custom ids whose output line is malformed: a 200 whose body has no {@code choices}.
	 */
	public volatile Predicate<String> malformed = id -> false;

	private final Supplier<Function<FakeProviders.ChatCall, MockResponse>> answers;

	private final Map<String, String> files = new LinkedHashMap<>();

	private final Map<String, Batch> batches = new LinkedHashMap<>();

	private final List<String> submittedIds = new ArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	FakeBatches(Supplier<Function<FakeProviders.ChatCall, MockResponse>> answers) {
		this.answers = answers;
	}

	static boolean handles(String path) {
		return path.startsWith("/openai/v1/files") || path.startsWith("/openai/v1/batches");
	}

	/** Every custom id of every batch created, in order: a repeated id was sent twice. */
	public synchronized List<String> submittedIds() {
		return List.copyOf(submittedIds);
	}

	/** Input files uploaded (purpose {@code batch}). */
	public synchronized int filesUploaded() {
		return (int) files.keySet().stream().filter(id -> id.startsWith("file_in")).count();
	}

	public synchronized int batchesCreated() {
		return batches.size();
	}

	/** Statuses of the batches created, oldest first. */
	public synchronized List<String> statuses() {
		return batches.values().stream().map(batch -> batch.status).toList();
	}

	/** Back to batches that complete at once with every line answered well. */
	public void reset() {
		processing = Duration.ZERO;
		hold = false;
		answeredShare = 1.0;
		failValidation = false;
		malformed = id -> false;
	}

	/** Ends the hold: batches in progress may finish at their next poll. */
	public void release() {
		hold = false;
	}

	synchronized MockResponse dispatch(RecordedRequest request) {
		var path = request.getUrl().encodedPath().substring("/openai/v1".length());
		var method = request.getMethod();
		if (path.equals("/files") && method.equals("POST")) {
			return upload(request);
		}
		if (path.equals("/batches") && method.equals("POST")) {
			return create(JsonMapper.shared().readTree(request.getBody().utf8()));
		}
		if (path.equals("/batches") && method.equals("GET")) {
			var page = JsonMapper.shared().createObjectNode().put("object", "list");
			var data = page.putArray("data");
			var newestFirst = new ArrayList<>(batches.values());
			java.util.Collections.reverse(newestFirst);
			newestFirst.forEach(batch -> data.add(batch.json()));
			return ProviderWire.json(200, page.put("has_more", false).toString());
		}
		if (path.startsWith("/batches/") && method.equals("GET")) {
			var batch = batches.get(path.substring("/batches/".length()));
			return batch == null ? notFound("batch") : ProviderWire.json(200, batch.poll().json().toString());
		}
		if (path.startsWith("/files/") && path.endsWith("/content")) {
			var content = files.get(path.substring("/files/".length(), path.length() - "/content".length()));
			return content == null ? notFound("file")
					: new MockResponse.Builder().code(200)
						.setHeader("Content-Type", "application/octet-stream")
						.body(content)
						.build();
		}
		return notFound("route");
	}

	private MockResponse upload(RecordedRequest request) {
		var parts = multipart(request);
		if (!"batch".equals(parts.get("purpose")) || !parts.containsKey("file")) {
			return ProviderWire.json(400, "{\"error\":{\"message\":\"purpose must be batch and a file is required\","
					+ "\"type\":\"invalid_request_error\"}}");
		}
		var id = "file_in" + ids.incrementAndGet();
		files.put(id, parts.get("file"));
		return ProviderWire.json(200,
				"{\"id\":\"%s\",\"object\":\"file\",\"bytes\":%d,\"created_at\":%d,\"filename\":\"batch.jsonl\",\"purpose\":\"batch\"}"
					.formatted(id, parts.get("file").getBytes(StandardCharsets.UTF_8).length,
							Instant.now().getEpochSecond()));
	}

	private MockResponse create(JsonNode body) {
		var input = files.get(body.path("input_file_id").asString(""));
		if (input == null || !BatchFiles.ENDPOINT.equals(body.path("endpoint").asString(""))) {
			return ProviderWire.json(400,
					"{\"error\":{\"message\":\"unknown input_file_id or endpoint\",\"type\":\"invalid_request_error\"}}");
		}
		var lines = input.lines().filter(line -> !line.isBlank()).map(JsonMapper.shared()::readTree).toList();
		var batch = new Batch("batch_" + ids.incrementAndGet(), body.path("input_file_id").asString(), lines,
				Instant.now(), failValidation, answeredShare);
		lines.forEach(line -> submittedIds.add(line.path("custom_id").asString()));
		batches.put(batch.id, batch);
		return ProviderWire.json(200, batch.json().toString());
	}

	private static MockResponse notFound(String what) {
		return ProviderWire.json(404, "{\"error\":{\"message\":\"" + what + " not found\",\"type\":\"not_found\"}}");
	}

	/** The form fields of a multipart body: name to value (a file part's content). */
	private static Map<String, String> multipart(RecordedRequest request) {
		var type = String.valueOf(request.getHeaders().get("Content-Type"));
		var boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
		var fields = new LinkedHashMap<String, String>();
		for (var part : request.getBody().utf8().split(java.util.regex.Pattern.quote(boundary))) {
			var split = part.indexOf("\r\n\r\n");
			var name = part.indexOf("name=\"");
			if (split < 0 || name < 0) {
				continue;
			}
			var key = part.substring(name + 6, part.indexOf('"', name + 6));
			var value = part.substring(split + 4);
			fields.put(key, value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
		}
		return fields;
	}

	private final class Batch {

		final String id;

		final String inputFileId;

		final List<JsonNode> lines;

		final Instant created;

		final boolean failing;

		final double share;

		String status = "validating";

		String outputFileId;

		String errorFileId;

		int completed;

		int failed;

		Batch(String id, String inputFileId, List<JsonNode> lines, Instant created, boolean failing, double share) {
			this.id = id;
			this.inputFileId = inputFileId;
			this.lines = lines;
			this.created = created;
			this.failing = failing;
			this.share = share;
		}

		Batch poll() {
			switch (status) {
				case "validating" -> status = failing ? "failed" : "in_progress";
				case "in_progress" -> {
					if (!hold && !Instant.now().isBefore(created.plus(processing))) {
						status = "finalizing";
					}
				}
				case "finalizing" -> finish();
				default -> {
				}
			}
			return this;
		}

		private void finish() {
			var answered = (int) Math.ceil(lines.size() * share);
			var output = new StringBuilder();
			var errors = new StringBuilder();
			for (int i = 0; i < lines.size(); i++) {
				var customId = lines.get(i).path("custom_id").asString();
				if (i < answered) {
					output.append(answer(customId, lines.get(i).path("body"))).append('\n');
					completed++;
				}
				else {
					errors.append(
							"{\"id\":\"batch_req_%s_%d\",\"custom_id\":%s,\"response\":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"This request could not be executed before the completion window expired.\"}}"
								.formatted(id, i, JsonMapper.shared().writeValueAsString(customId)))
						.append('\n');
					failed++;
				}
			}
			if (!output.isEmpty()) {
				outputFileId = "file_out" + ids.incrementAndGet();
				files.put(outputFileId, output.toString());
			}
			if (!errors.isEmpty()) {
				errorFileId = "file_err" + ids.incrementAndGet();
				files.put(errorFileId, errors.toString());
			}
			status = answered < lines.size() ? "expired" : "completed";
		}

		private String answer(String customId, JsonNode body) {
			var line = JsonMapper.shared()
				.createObjectNode()
				.put("id", "batch_req_" + ids.incrementAndGet())
				.put("custom_id", customId);
			var response = line.putObject("response");
			if (malformed.test(customId)) {
				response.put("status_code", 200)
					.put("request_id", "req_" + customId)
					.set("body", JsonMapper.shared()
						.readTree("{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"choices\":[]}"));
			}
			else {
				var reply = answers.get().apply(new FakeProviders.ChatCall(body));
				response.put("status_code", reply.getCode())
					.put("request_id", "req_" + customId)
					.set("body", JsonMapper.shared().readTree(text(reply)));
			}
			line.putNull("error");
			return line.toString();
		}

		ObjectNode json() {
			var json = JsonMapper.shared()
				.createObjectNode()
				.put("id", id)
				.put("object", "batch")
				.put("endpoint", BatchFiles.ENDPOINT)
				.put("input_file_id", inputFileId)
				.put("completion_window", "24h")
				.put("status", status)
				.put("output_file_id", outputFileId)
				.put("error_file_id", errorFileId)
				.put("created_at", created.getEpochSecond())
				.put("expires_at", created.plus(Duration.ofHours(24)).getEpochSecond());
			if (status.equals("failed")) {
				json.putObject("errors")
					.put("object", "list")
					.putArray("data")
					.addObject()
					.put("code", "invalid_request")
					.put("message", "validation failed");
			}
			else {
				json.putNull("errors");
			}
			json.putObject("request_counts")
				.put("total", lines.size())
				.put("completed", completed)
				.put("failed", failed);
			json.putNull("metadata");
			return json;
		}

	}

	private static String text(MockResponse response) {
		try (var buffer = new Buffer()) {
			response.getBody().writeTo(buffer);
			return buffer.readUtf8();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
