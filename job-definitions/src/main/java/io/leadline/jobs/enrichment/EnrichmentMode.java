package io.leadline.jobs.enrichment;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a job makes its model calls: {@code live}, row by row as the rows are read, or
 * {@code batch}, the whole list through the provider's Batch API at the batch price,
 * answered within its completion window (hours, not minutes). Serper searches are live in
 * both.
 */
public enum EnrichmentMode {

	LIVE, BATCH;

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static EnrichmentMode parse(String text) {
		return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
			case "live" -> LIVE;
			case "batch" -> BATCH;
			default -> throw new IllegalArgumentException("mode must be live or batch, got '" + text + "'");
		};
	}

	/** As the job parameter, summary.json and the API spell it. */
	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
