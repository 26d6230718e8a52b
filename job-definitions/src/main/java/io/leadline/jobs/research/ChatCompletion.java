package io.leadline.jobs.research;

import java.util.Objects;

/** The model's answer ({@code choices[0].message.content}) and the tokens it cost. */
record ChatCompletion(String content, long promptTokens, long completionTokens) {

	public ChatCompletion {
		Objects.requireNonNull(content, "content");
		if (promptTokens < 0 || completionTokens < 0) {
			throw new IllegalArgumentException("token counts must not be negative");
		}
	}

	ProviderUsage usage() {
		return ProviderUsage.groqCall(promptTokens, completionTokens);
	}
}
