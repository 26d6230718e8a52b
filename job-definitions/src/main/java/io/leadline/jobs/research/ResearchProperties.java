package io.leadline.jobs.research;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard Leadline may press the providers, and what they cost. A limit of 0 means none:
 * set the limits of your provider plan so a large list runs at the plan's pace instead of
 * into 429s.
 *
 * @param concurrency rows in flight against providers in this JVM, across all partitions
 * and jobs
 * @param serperRpm Serper requests per minute
 * @param groqRpm Groq requests per minute
 * @param groqTpm Groq tokens per minute
 * @param maxInFlight calls in flight to one provider at once
 * @param cacheTtl how long cached provider answers are reused
 */
@Validated
@ConfigurationProperties("leadline.research")
public record ResearchProperties(@DefaultValue("32") @Min(1) int concurrency, @DefaultValue("0") @Min(0) long serperRpm,
		@DefaultValue("0") @Min(0) long groqRpm, @DefaultValue("0") @Min(0) long groqTpm,
		@DefaultValue("0") @Min(0) int maxInFlight, @DefaultValue("true") boolean cache,
		@DefaultValue("30d") Duration cacheTtl, @DefaultValue @Valid ProviderPrices prices) {
}
