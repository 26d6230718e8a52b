package io.leadline.jobs.enrichment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;

/**
 * What prepare learned about the list and merge needs to write it back: the headers as
 * written, the widest row, the email column and the row counts.
 *
 * @param headers original header names, widened to {@code width} for ragged rows
 * @param dataRows data rows that will appear in the result (blank rows excluded)
 * @param pendingRows rows handed to the enrich step for provider research
 * @param fields the field mapping prepare settled on ({@code field -> column key}), which
 * every partition reads its rows with
 */
public record JobMeta(List<String> headers, int emailColumn, String emailHeader, String format, long dataRows,
		long blankRows, long pendingRows, long invalidRows, long duplicateRows, long unreadableRows,
		long noProviderRows, Map<String, String> fields) {

	public JobMeta {
		headers = List.copyOf(headers);
		// why: a work area written before fields existed has none
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	JobMeta(List<String> headers, int emailColumn, String emailHeader, String format, long dataRows, long blankRows,
			long pendingRows, long invalidRows, long duplicateRows, long unreadableRows, long noProviderRows) {
		this(headers, emailColumn, emailHeader, format, dataRows, blankRows, pendingRows, invalidRows, duplicateRows,
				unreadableRows, noProviderRows, Map.of());
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
