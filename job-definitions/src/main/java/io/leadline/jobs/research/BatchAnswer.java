package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a batch's output or error file: {@code {"id","custom_id","response":
 * {"status_code","body"},"error"}}. It carries the model's answer when the request
 * succeeded, else the provider's error. A 200 whose body holds no
 * {@code choices[0].message} is an answer with empty content: the caller's validation
 * rejects it and its corrective round asks again.
 *
 * @param completion the answer, or null when the request failed
 * @param error the provider's error (code and message in one line), or null
 */
public record BatchAnswer(String customId, ChatCompletion completion, String error) {

	public BatchAnswer {
		Objects.requireNonNull(customId, "customId");
		if ((completion == null) == (error == null)) {
			throw new IllegalArgumentException("exactly one of completion and error must be set for " + customId);
		}
	}

	public boolean isAnswered() {
		return completion != null;
	}

	/**
	 * The lines of an output or error file; lines that are not JSON or name no
	 * {@code custom_id} are left out (their requests count as missing).
	 */
	public static List<BatchAnswer> parse(String jsonl) {
		var answers = new ArrayList<BatchAnswer>();
		for (var line : jsonl.split("\n")) {
			var answer = parseLine(line);
			if (answer != null) {
				answers.add(answer);
			}
		}
		return answers;
	}

	/**
	 * One line of an output or error file; null for a blank line, one that is not JSON or
	 * one that names no {@code custom_id} (its request counts as missing).
	 */
	static BatchAnswer parseLine(String line) {
		if (line.isBlank()) {
			return null;
		}
		JsonNode json;
		try {
			json = JsonMapper.shared().readTree(line);
		}
		catch (JacksonException e) {
			return null;
		}
		var customId = json == null ? "" : json.path("custom_id").asString("");
		if (customId.isEmpty()) {
			return null;
		}
		var error = json.path("error");
		var response = json.path("response");
		if (error.isObject()) {
			return failed(customId, error.path("code").asString("error") + ": " + error.path("message").asString(""));
		}
		var status = response.path("status_code").asInt(0);
		if (status != 200) {
			var body = response.path("body");
			return failed(customId,
					"HTTP " + status + ": " + body.path("error").path("message").asString(body.toString()));
		}
		var completion = GroqClient.completionOf(response.path("body"));
		return new BatchAnswer(customId, completion == null ? new ChatCompletion("", 0, 0) : completion, null);
	}

	/** This answer as an output-file line, for answers the live path gave. */
	String toLine() {
		var line = JsonMapper.shared().createObjectNode().put("custom_id", customId);
		if (completion == null) {
			line.putNull("response");
			line.putObject("error").put("code", "rejected").put("message", error);
			return line.toString();
		}
		var body = line.putObject("response").put("status_code", 200).putObject("body");
		body.putArray("choices")
			.addObject()
			.put("index", 0)
			.putObject("message")
			.put("role", "assistant")
			.put("content", completion.content());
		body.putObject("usage")
			.put("prompt_tokens", completion.promptTokens())
			.put("completion_tokens", completion.completionTokens());
		line.putNull("error");
		return line.toString();
	}

	private static BatchAnswer failed(String customId, String error) {
		return new BatchAnswer(customId, null, OneLine.of(error));
	}

}
