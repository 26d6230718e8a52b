package io.leadline.app.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The REST API's limits.
 *
 * @param maxUploadMb {@code LEADLINE_MAX_UPLOAD_MB}: largest upload accepted (also set as
 * the multipart limit)
 * @param concurrentJobs jobs this server runs at once; more wait as {@code queued}
 * @param queuedJobs jobs that may wait for a slot before a start is refused
 */
@Validated
@ConfigurationProperties("leadline.api")
public record ApiProperties(@DefaultValue("50") @Min(1) int maxUploadMb,
		@DefaultValue("4") @Min(1) @Max(64) int concurrentJobs, @DefaultValue("1000") @Min(0) int queuedJobs) {
}
