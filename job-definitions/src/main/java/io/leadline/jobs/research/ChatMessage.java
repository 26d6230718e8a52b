package io.leadline.jobs.research;

import java.util.Objects;
import java.util.Set;

/**
 * One OpenAI-style chat message: role {@code system}, {@code user} or {@code assistant}.
 */
record ChatMessage(String role, String content) {

	private static final Set<String> ROLES = Set.of("system", "user", "assistant");

	public ChatMessage {
		if (!ROLES.contains(role)) {
			throw new IllegalArgumentException("role must be one of " + ROLES + ", got " + role);
		}
		Objects.requireNonNull(content, "content");
	}

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content);
	}

	public static ChatMessage assistant(String content) {
		return new ChatMessage("assistant", content);
	}
}
