package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

/** A row that needs provider research: its input position, cleaned email and original cells. */
public record ProspectRow(long rowNumber, String email, List<String> cells) {

	public ProspectRow {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("row number must be positive: " + rowNumber);
		}
		if (email == null || email.isBlank()) {
			throw new IllegalArgumentException("row " + rowNumber + " has no email");
		}
		cells = List.copyOf(cells);
	}

	/** Partition-file fields: {@code row, email, cells...}. */
	List<String> toFields() {
		List<String> fields = new ArrayList<>(2 + cells.size());
		fields.add(Long.toString(rowNumber));
		fields.add(email);
		fields.addAll(cells);
		return fields;
	}

	static ProspectRow fromFields(CSVRecord r) {
		return new ProspectRow(Long.parseLong(r.get(0)), r.get(1), WorkCsv.tail(r, 2));
	}
}
