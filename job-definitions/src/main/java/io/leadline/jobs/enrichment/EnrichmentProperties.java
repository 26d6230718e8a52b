package io.leadline.jobs.enrichment;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How enrichment jobs are cut and retried. Chunk size and partitions only apply to new
 * jobs: a restart keeps the values its JobInstance started with.
 *
 * @param partitions partition files per job, worked in parallel
 * @param chunkSize provider-bound rows per commit; small, because a chunk waits for its
 * slowest row
 * @param retryLimit retries of a row after a transient provider failure
 * @param retryDelay first back-off between retries, doubled each time up to
 * {@code retryMaxDelay}
 * @param skipLimit rows a partition may skip before the job fails; never Batch's default
 * of 10
 * @param resolvedSegmentRows rows per work object for rows settled without providers
 * @param csvBom write a UTF-8 byte order mark at the start of CSV results, for Excel
 */
@Validated
@ConfigurationProperties("leadline.enrichment")
public record EnrichmentProperties(@DefaultValue("8") @Min(1) @Max(256) int partitions,
		@DefaultValue("20") @Min(1) @Max(1000) int chunkSize, @DefaultValue("3") @Min(0) int retryLimit,
		@DefaultValue("500ms") Duration retryDelay, @DefaultValue("10s") Duration retryMaxDelay,
		@DefaultValue("1000000") @Min(0) long skipLimit, @DefaultValue("100000") @Min(1) int resolvedSegmentRows,
		@DefaultValue("false") boolean csvBom) {
}
