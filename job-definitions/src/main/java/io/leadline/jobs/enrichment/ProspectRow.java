package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.List;

/**
 * A row that needs provider research: its input position, cleaned email and original
 * cells.
 */
record ProspectRow(long rowNumber, String email, List<String> cells) {

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

	static ProspectRow fromFields(List<String> f) {
		return new ProspectRow(Long.parseLong(f.get(0)), f.get(1), f.subList(2, f.size()));
	}
}
