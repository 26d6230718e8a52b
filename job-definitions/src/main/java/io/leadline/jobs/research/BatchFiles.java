package io.leadline.jobs.research;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Batch input files: one JSONL line per chat completion request ({@code {"custom_id",
 * "method":"POST","url":"/v1/chat/completions","body"}}), cut into files that stay within
 * the provider's limits on requests and bytes per file.
 */
public final class BatchFiles {

	/** The endpoint every line of a batch file calls. */
	public static final String ENDPOINT = "/v1/chat/completions";

	private BatchFiles() {
	}

	/** One request line, without its newline. */
	static String line(ProviderSettings settings, String customId, ChatRequest chat) {
		var line = JsonMapper.shared()
			.createObjectNode()
			.put("custom_id", customId)
			.put("method", "POST")
			.put("url", ENDPOINT);
		line.set("body", GroqClient.body(settings, chat));
		return line.toString();
	}

	/**
	 * Cuts lines into files of at most {@code maxRequests} lines and {@code maxBytes}
	 * bytes (newlines included), in order.
	 * @throws IllegalArgumentException when one line alone is larger than
	 * {@code maxBytes}
	 */
	public static List<byte[]> split(List<String> lines, int maxRequests, long maxBytes) {
		if (maxRequests < 1 || maxBytes < 1) {
			throw new IllegalArgumentException(
					"limits must be positive: %d requests, %d bytes".formatted(maxRequests, maxBytes));
		}
		var files = new ArrayList<byte[]>();
		var current = new StringBuilder();
		long bytes = 0;
		int requests = 0;
		for (var line : lines) {
			var size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
			if (size > maxBytes) {
				throw new IllegalArgumentException(
						"a batch request of %,d bytes exceeds the file limit of %,d bytes".formatted(size, maxBytes));
			}
			if (requests == maxRequests || bytes + size > maxBytes) {
				files.add(current.toString().getBytes(StandardCharsets.UTF_8));
				current.setLength(0);
				bytes = 0;
				requests = 0;
			}
			current.append(line).append('\n');
			bytes += size;
			requests++;
		}
		if (requests > 0) {
			files.add(current.toString().getBytes(StandardCharsets.UTF_8));
		}
		return files;
	}

}
