package io.leadline.jobs.research;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * List prices used to estimate a job's cost (configurable; defaults are public list
 * prices at the time of writing: Serper's entry plan, Groq's gpt-oss-120b).
 *
 * @param serperPerCall USD per search
 * @param groqInputPerMillion USD per million prompt tokens
 * @param groqOutputPerMillion USD per million completion tokens
 */
public record ProviderPrices(@DefaultValue("0.001") @PositiveOrZero double serperPerCall,
		@DefaultValue("0.15") @PositiveOrZero double groqInputPerMillion,
		@DefaultValue("0.75") @PositiveOrZero double groqOutputPerMillion) {

	/** Estimated USD for what a job used, rounded to a hundredth of a cent. */
	public double estimate(ProviderUsage usage) {
		double usd = usage.serperCalls() * serperPerCall + usage.promptTokens() / 1e6 * groqInputPerMillion
				+ usage.completionTokens() / 1e6 * groqOutputPerMillion;
		return Math.round(usd * 10_000) / 10_000.0;
	}
}
