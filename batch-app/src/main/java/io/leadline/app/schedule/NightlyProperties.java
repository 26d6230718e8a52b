package io.leadline.app.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadline.jobs.enrichment.EnrichmentMode;

/**
 * How nightly lists run ({@code leadline.nightly.*}).
 *
 * @param mode {@code batch} (the default, {@code LEADLINE_NIGHTLY_MODE}): a list that can
 * wait until morning goes through the provider's Batch API at half the token price and
 * leaves the live rate limit to daytime jobs; {@code live} runs it row by row
 */
@ConfigurationProperties("leadline.nightly")
public record NightlyProperties(@DefaultValue("batch") EnrichmentMode mode) {
}
