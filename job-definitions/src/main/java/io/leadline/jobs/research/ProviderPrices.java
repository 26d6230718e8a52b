package io.leadline.jobs.research;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * List prices used to estimate a job's cost (configurable; defaults are public list
 * prices at the time of writing: Serper's entry plan, Groq's gpt-oss-120b).
 *
 * @param serperPerCall USD per search
 * @param groqInputPerMillion USD per million prompt tokens
 * @param groqOutputPerMillion USD per million completion tokens
 * @param groqBatchFactor the Batch API's token price as a share of the live one (Groq:
 * half)
 */
public record ProviderPrices(@DefaultValue("0.001") @PositiveOrZero double serperPerCall,
		@DefaultValue("0.15") @PositiveOrZero double groqInputPerMillion,
		@DefaultValue("0.75") @PositiveOrZero double groqOutputPerMillion,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double groqBatchFactor) {

	/** Estimated USD for what a job used, rounded to a hundredth of a cent. */
	public double estimate(ProviderUsage usage) {
		double usd = usage.serperCalls() * serperPerCall + usage.promptTokens() / 1e6 * groqInputPerMillion
				+ usage.completionTokens() / 1e6 * groqOutputPerMillion;
		return Math.round(usd * 10_000) / 10_000.0;
	}

	/**
	 * Estimated USD for what a job used when {@code batch} of its tokens went through the
	 * Batch API: those at the batch price, the rest at the live one.
	 */
	public double estimate(ProviderUsage usage, BatchState.Totals batch) {
		double discount = (1 - groqBatchFactor) * (batch.promptTokens() / 1e6 * groqInputPerMillion
				+ batch.completionTokens() / 1e6 * groqOutputPerMillion);
		double usd = Math.max(0, estimate(usage) - discount);
		return Math.round(usd * 10_000) / 10_000.0;
	}
}
