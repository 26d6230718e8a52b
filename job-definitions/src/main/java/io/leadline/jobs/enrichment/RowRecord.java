package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.List;

/**
 * One row as it travels through the work area: its place in the input, its outcome, and
 * its original cells. Rows resolved in prepare, enriched chunks and skipped rows all use
 * it, so merge reads one format.
 *
 * @param dupOf row number of the first occurrence for a {@link RowStatus#DUPLICATE}, else
 * 0
 */
record RowRecord(long rowNumber, RowStatus status, String reason, String research, String opener, long dupOf,
		List<String> cells) {

	public RowRecord {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("row number must be positive: " + rowNumber);
		}
		reason = nullToEmpty(reason);
		// why: research is what a credit pays for, so a row that is not charged carries
		// none (a duplicate repeats its first occurrence, which was)
		research = status.isCharged() || status == RowStatus.DUPLICATE ? nullToEmpty(research) : "";
		opener = nullToEmpty(opener);
		cells = List.copyOf(cells);
	}

	/** The reason of an ok row that is not charged: its owner paid for it before. */
	static final String REUSED = "reused: researched for this account before; not charged again";

	/** An ok row served from this account's earlier, paid results. */
	static RowRecord reused(long rowNumber, String research, String opener, List<String> cells) {
		return new RowRecord(rowNumber, RowStatus.OK, REUSED, research, opener, 0, cells);
	}

	boolean isReused() {
		return status == RowStatus.OK && REUSED.equals(reason);
	}

	static RowRecord resolved(long rowNumber, RowStatus status, String reason, List<String> cells) {
		return new RowRecord(rowNumber, status, reason, "", "", 0, cells);
	}

	static RowRecord duplicateOf(long rowNumber, long firstRow, List<String> cells) {
		return new RowRecord(rowNumber, RowStatus.DUPLICATE, "duplicate of row " + firstRow, "", "", firstRow, cells);
	}

	/**
	 * A duplicate takes the first occurrence's research and line but keeps its own status
	 * and cells.
	 */
	RowRecord withResultOf(RowRecord first) {
		return new RowRecord(rowNumber, status, reason, first.research, first.opener, dupOf, cells);
	}

	/**
	 * Work-file fields: {@code row, status, reason, research, opener, dupOf, cells...}.
	 */
	List<String> toFields() {
		List<String> fields = new ArrayList<>(6 + cells.size());
		fields.add(Long.toString(rowNumber));
		fields.add(status.label());
		fields.add(reason);
		fields.add(research);
		fields.add(opener);
		fields.add(dupOf == 0 ? "" : Long.toString(dupOf));
		fields.addAll(cells);
		return fields;
	}

	static RowRecord fromFields(List<String> f) {
		String dupOf = f.get(5);
		return new RowRecord(Long.parseLong(f.get(0)), RowStatus.ofLabel(f.get(1)), f.get(2), f.get(3), f.get(4),
				dupOf.isEmpty() ? 0 : Long.parseLong(dupOf), f.subList(6, f.size()));
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
