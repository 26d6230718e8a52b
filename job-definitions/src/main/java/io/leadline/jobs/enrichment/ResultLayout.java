package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.input.Headers;

/**
 * The result's columns: the original ones (minus any old {@code sif_*} columns,
 * optionally restricted to the requested ones, in input order), then the four
 * {@code sif_*} columns, then {@code sif_score} and {@code sif_tier} when the job scores
 * fit (read from the research's {@code fit}).
 */
record ResultLayout(List<String> header, int[] sourceColumns, boolean scored) {

	static final List<String> SIF_COLUMNS = List.of("sif_research", "sif_personalized", "sif_status", "sif_reason");

	static final List<String> FIT_COLUMNS = List.of("sif_score", "sif_tier");

	static ResultLayout of(List<String> originalHeaders, List<String> outputColumns) {
		return of(originalHeaders, outputColumns, false);
	}

	static ResultLayout of(List<String> originalHeaders, List<String> outputColumns, boolean scored) {
		Headers headers = Headers.of(originalHeaders);
		List<Integer> keep = new ArrayList<>();
		if (outputColumns.isEmpty()) {
			for (int i = 0; i < originalHeaders.size(); i++) {
				keep.add(i);
			}
		}
		else {
			for (String requested : outputColumns) {
				OptionalInt index = headers.indexOf(requested);
				if (index.isEmpty()) {
					throw new IllegalArgumentException("output column '%s' is not in the list; columns are: %s"
						.formatted(requested, String.join(", ", originalHeaders)));
				}
				if (!keep.contains(index.getAsInt())) {
					keep.add(index.getAsInt());
				}
			}
			keep.sort(Integer::compare);
		}
		keep.removeIf(i -> isOldSifColumn(originalHeaders.get(i)));
		List<String> header = new ArrayList<>();
		keep.forEach(i -> header.add(originalHeaders.get(i)));
		header.addAll(SIF_COLUMNS);
		if (scored) {
			header.addAll(FIT_COLUMNS);
		}
		return new ResultLayout(List.copyOf(header), keep.stream().mapToInt(Integer::intValue).toArray(), scored);
	}

	private static boolean isOldSifColumn(String header) {
		return header.trim().toLowerCase(Locale.ROOT).startsWith("sif_");
	}

	/** A row's output cells: missing cells of ragged rows become empty. */
	List<String> cells(RowRecord row) {
		List<String> cells = new ArrayList<>(header.size());
		List<String> source = row.cells();
		for (int column : sourceColumns) {
			cells.add(column < source.size() ? source.get(column) : "");
		}
		cells.add(row.research());
		cells.add(row.opener());
		cells.add(row.status().label());
		cells.add(row.reason());
		if (scored) {
			var fit = fitOf(row.research());
			cells.add(fit.path("score").isNumber() ? Integer.toString(fit.path("score").asInt()) : "");
			cells.add(fit.path("tier").asString(""));
		}
		return cells;
	}

	private static JsonNode fitOf(String research) {
		if (research.isEmpty()) {
			return JsonMapper.shared().missingNode();
		}
		try {
			return JsonMapper.shared().readTree(research).path("fit");
		}
		catch (JacksonException e) {
			return JsonMapper.shared().missingNode();
		}
	}
}
