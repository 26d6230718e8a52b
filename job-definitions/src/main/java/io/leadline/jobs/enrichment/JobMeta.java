package io.leadline.jobs.enrichment;

import java.util.List;

import io.leadline.jobs.input.InputFormat;

/**
 * What prepare learned about the list and merge needs to write it back: the headers as
 * written, the widest row, the email column and the row counts.
 *
 * @param headers original header names, widened to {@code width} for ragged rows
 * @param dataRows data rows that will appear in the result (blank rows excluded)
 * @param pendingRows rows handed to the enrich step for provider research
 * @param settled rows prepare settled without providers, by status (invalid, duplicate,
 * unreadable as skipped, no provider)
 */
record JobMeta(List<String> headers, int emailColumn, String emailHeader, InputFormat format, long dataRows,
		long blankRows, long pendingRows, RowCounts settled) {

	public JobMeta {
		headers = List.copyOf(headers);
		settled = settled == null ? RowCounts.NONE : settled;
	}

	/** Rows settled in prepare, before any provider call. */
	public long resolvedRows() {
		return dataRows - pendingRows;
	}
}
