package io.leadline.app.schedule;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long personal data is kept, and when the server deletes what is older.
 *
 * @param days {@code LEADLINE_RETENTION_DAYS}: inputs, results, work files and handled
 * inbox files are deleted this many days after they were written (default 30)
 * @param cron {@code LEADLINE_RETENTION_CRON}: six-field cron of the daily sweep, default
 * 03:30
 */
@Validated
@ConfigurationProperties("leadline.retention")
public record RetentionProperties(@DefaultValue("30") @Min(1) int days, @DefaultValue("0 30 3 * * *") String cron) {

	public RetentionProperties {
		ScheduleCron.require("leadline.retention.cron", cron);
	}

	Duration period() {
		return Duration.ofDays(days);
	}

}
