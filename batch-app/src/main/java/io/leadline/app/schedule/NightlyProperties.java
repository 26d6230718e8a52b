package io.leadline.app.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadline.jobs.enrichment.EnrichmentMode;

/**
 * When the server sweeps the nightly inbox, and how the lists it finds run.
 *
 * @param cron {@code LEADLINE_NIGHTLY_CRON}: six-field cron, default 02:00 every day
 * @param mode {@code LEADLINE_NIGHTLY_MODE}: {@code batch} (the default): a list that can
 * wait until morning goes through the provider's Batch API at half the token price and
 * leaves the live rate limit to daytime jobs; {@code live} runs it row by row
 */
@ConfigurationProperties("leadline.nightly")
public record NightlyProperties(@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("batch") EnrichmentMode mode) {

	public NightlyProperties {
		ScheduleCron.require("leadline.nightly.cron", cron);
	}

}
