package io.leadline.app.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one account may hold at once, so no tenant can exhaust the server shared by all.
 *
 * @param activeJobs {@code LEADLINE_QUOTA_ACTIVE_JOBS}: jobs queued or running per
 * account
 * @param uploads {@code LEADLINE_QUOTA_UPLOADS}: uploads kept per account within
 * {@code uploadsWindow}
 * @param uploadMb {@code LEADLINE_QUOTA_UPLOAD_MB}: megabytes of uploads kept per account
 * within {@code uploadsWindow}
 * @param uploadsWindow how long an upload counts: the retention period, after which it is
 * deleted
 */
@Validated
@ConfigurationProperties("leadline.quotas")
public record QuotaProperties(@DefaultValue("10") @Min(1) int activeJobs, @DefaultValue("200") @Min(1) int uploads,
		@DefaultValue("2048") @Min(1) long uploadMb, @DefaultValue("30d") Duration uploadsWindow) {
}
