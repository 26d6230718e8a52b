package io.leadline.jobs.enrichment;

import java.util.List;

/**
 * What prepare learned about the list and merge needs to write it back: the headers as
 * written, the widest row, the email column and the row counts.
 *
 * @param headers original header names, widened to {@code width} for ragged rows
 * @param dataRows data rows that will appear in the result (blank rows excluded)
 * @param pendingRows rows handed to the enrich step for provider research
 */
public record JobMeta(List<String> headers, int emailColumn, String emailHeader, String format, long dataRows,
		long blankRows, long pendingRows, long invalidRows, long duplicateRows, long unreadableRows,
		long noProviderRows) {

	public JobMeta {
		headers = List.copyOf(headers);
	}

	/** Rows settled in prepare, before any provider call. */
	public long resolvedRows() {
		return dataRows - pendingRows;
	}
}
