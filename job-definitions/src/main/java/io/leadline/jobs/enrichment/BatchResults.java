package io.leadline.jobs.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.research.ProspectResult;
import io.leadline.jobs.storage.ObjectStore;

/**
 * One partition's results from batch mode, by row number: the enrich step's processor
 * takes each row's result from here instead of calling the providers.
 */
final class BatchResults {

	/** A line of the results file. */
	record Line(long row, ProspectResult result) {
	}

	static final String NO_ANSWER = "batch: no answer for this row";

	private final Map<Long, ProspectResult> byRow;

	private BatchResults(Map<Long, ProspectResult> byRow) {
		this.byRow = byRow;
	}

	static BatchResults load(ObjectStore store, WorkArea work, int partition) throws IOException {
		Map<Long, ProspectResult> byRow = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(store.open(work.batchResultsKey(partition)), StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				if (!text.isBlank()) {
					Line line = JsonMapper.shared().readValue(text, Line.class);
					byRow.put(line.row(), line.result());
				}
			}
		}
		return new BatchResults(byRow);
	}

	/** The row's result; a row the batch step never saw fails rather than go missing. */
	ProspectResult of(ProspectRow row) {
		ProspectResult result = byRow.get(row.rowNumber());
		return result != null ? result
				: ProspectResult.failed(NO_ANSWER, null, io.leadline.jobs.research.ProviderUsage.NONE);
	}

}
