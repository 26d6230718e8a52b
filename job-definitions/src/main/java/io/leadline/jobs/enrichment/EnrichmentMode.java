package io.leadline.jobs.enrichment;

import java.util.Locale;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * How a job makes its model calls: {@code live}, row by row as the rows are read, or
 * {@code batch}, the whole list through the provider's Batch API at the batch price,
 * answered within its completion window (hours, not minutes). Serper searches are live in
 * both.
 */
public enum EnrichmentMode {

	LIVE, BATCH;

	/** Job parameter (non-identifying): {@code live} or {@code batch}. */
	public static final String PARAMETER = "mode";

	/** The mode of a job; jobs started before batch mode existed are live. */
	public static EnrichmentMode of(JobParameters parameters) {
		return parse(parameters.getString(PARAMETER, "live"));
	}

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static EnrichmentMode parse(String text) {
		return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
			case "live" -> LIVE;
			case "batch" -> BATCH;
			default -> throw new IllegalArgumentException("mode must be live or batch, got '" + text + "'");
		};
	}

	/** As the job parameter and the API spell it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
