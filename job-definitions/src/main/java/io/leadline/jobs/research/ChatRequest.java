package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation to send; {@code json} asks for JSON mode ({@code response_format:
 * {"type":"json_object"}}), which also needs the word "JSON" somewhere in the messages.
 */
record ChatRequest(List<ChatMessage> messages, boolean json) {

	public ChatRequest {
		messages = List.copyOf(messages);
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("a chat request needs at least one message");
		}
	}

	// why: the tokens-per-minute budget needs a guess before the call; a reasoning model
	// spends hundreds on its answer
	static final int COMPLETION_ALLOWANCE = 1_024;

	/**
	 * The most tokens one answer may take, reasoning included. why: a JSON summary or a
	 * two-sentence opener needs a few hundred; the cap keeps a model that rambles from
	 * spending the tokens-per-minute budget and the bill
	 */
	static final int MAX_COMPLETION_TOKENS = 2_048;

	/**
	 * A rough token count for the tokens-per-minute budget, corrected by the actual usage
	 * afterwards.
	 */
	public long estimatedTokens() {
		var characters = messages.stream().mapToLong(message -> message.content().length()).sum();
		// why: ~4 characters a token for English text is close enough; the actual usage
		// corrects it
		return characters / 4 + COMPLETION_ALLOWANCE;
	}

	public static ChatRequest json(String system, String user) {
		return new ChatRequest(List.of(ChatMessage.system(system), ChatMessage.user(user)), true);
	}

	public static ChatRequest text(String system, String user) {
		return new ChatRequest(List.of(ChatMessage.system(system), ChatMessage.user(user)), false);
	}

	/** The same conversation continued: the model's rejected answer, then what to fix. */
	public ChatRequest correctedWith(String rejectedAnswer, String correction) {
		var continued = new ArrayList<>(messages);
		continued.add(ChatMessage.assistant(rejectedAnswer));
		continued.add(ChatMessage.user(correction));
		return new ChatRequest(continued, json);
	}
}
