package io.leadline.jobs.enrichment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;

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
 * @param fields the field mapping prepare settled on ({@code field -> column key}), which
 * every partition reads its rows with
 */
public record JobMeta(List<String> headers, int emailColumn, String emailHeader, InputFormat format, long dataRows,
		long blankRows, long pendingRows, RowCounts settled, Map<String, String> fields) {

	public JobMeta {
		headers = List.copyOf(headers);
		settled = settled == null ? RowCounts.NONE : settled;
		// why: a work area written before fields existed has none
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	JobMeta(List<String> headers, int emailColumn, String emailHeader, InputFormat format, long dataRows,
			long blankRows, long pendingRows, RowCounts settled) {
		this(headers, emailColumn, emailHeader, format, dataRows, blankRows, pendingRows, settled, Map.of());
	}

	/** The columns each prospect field is read from. */
	public FieldMapping fieldMapping() {
		return FieldMapping.none(Headers.of(headers)).overriddenBy(fields);
	}

	/** Rows settled in prepare, before any provider call. */
	public long resolvedRows() {
		return dataRows - pendingRows;
	}
}
