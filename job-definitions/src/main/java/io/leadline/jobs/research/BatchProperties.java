package io.leadline.jobs.research;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How a batch-mode job uses the provider's Batch API ({@code leadline.batch.*}).
 *
 * @param maxRequestsPerFile requests in one batch input file (Groq allows 50,000)
 * @param maxBytesPerFile bytes of one batch input file (Groq allows 200 MB)
 * @param completionWindow how long the provider may take for a batch ({@code 24h} to
 * {@code 7d} on Groq)
 * @param pollFirst first wait between polls of a running batch, doubled after each poll
 * that finds nothing new
 * @param pollMax the longest wait between polls
 * @param maxSubmissions how often one round's requests may go to the Batch API (the first
 * submission and the resubmissions of what expired or failed); after that the stragglers
 * go through the live path
 * @param liveAfter how long after a round started its stragglers stop waiting for another
 * batch and go through the live path
 * @param maxDownload bytes of one output or error file the job downloads; a larger one
 * fails the step (a restart downloads it again), so a provider that sends without end
 * cannot fill the disk
 */
@Validated
@ConfigurationProperties("leadline.batch")
public record BatchProperties(@DefaultValue("50000") @Min(1) int maxRequestsPerFile,
		@DefaultValue("100MB") DataSize maxBytesPerFile, @DefaultValue("24h") @NotBlank String completionWindow,
		@DefaultValue("5s") Duration pollFirst, @DefaultValue("5m") Duration pollMax,
		@DefaultValue("3") @Min(1) int maxSubmissions, @DefaultValue("48h") Duration liveAfter,
		@DefaultValue("1GB") DataSize maxDownload) {

	public BatchProperties {
		if (pollFirst.isNegative() || pollFirst.isZero() || pollMax.compareTo(pollFirst) < 0) {
			throw new IllegalArgumentException(
					"leadline.batch.poll-first must be positive and at most poll-max, got %s and %s"
						.formatted(pollFirst, pollMax));
		}
		if (maxDownload.toBytes() < 1) {
			throw new IllegalArgumentException("leadline.batch.max-download must be positive, got " + maxDownload);
		}
	}

	/** The defaults, for code outside Spring. */
	public static BatchProperties defaults() {
		return new BatchProperties(50_000, DataSize.ofMegabytes(100), "24h", Duration.ofSeconds(5),
				Duration.ofMinutes(5), 3, Duration.ofHours(48), DataSize.ofGigabytes(1));
	}

}
