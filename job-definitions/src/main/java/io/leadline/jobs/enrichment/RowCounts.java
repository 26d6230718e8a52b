package io.leadline.jobs.enrichment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Rows by {@code sif_status}: what prepare settled, what merge wrote, what a job view
 * shows. In JSON a map of status labels, {@code {"ok": 47, "invalid": 2, ...}}, and, once
 * rows were counted, {@code "reused"}.
 *
 * @param reused ok rows served from the owner's earlier, paid results: counted in
 * {@code ok} but not charged
 */
public record RowCounts(Map<RowStatus, Long> byStatus, long reused) {

	public static final RowCounts NONE = new RowCounts(Map.of());

	private static final String REUSED = "reused";

	public RowCounts {
		if (reused < 0) {
			throw new IllegalArgumentException("reused rows must not be negative: " + reused);
		}
		EnumMap<RowStatus, Long> copy = new EnumMap<>(RowStatus.class);
		if (byStatus != null) {
			byStatus.forEach((status, n) -> {
				if (n < 0) {
					throw new IllegalArgumentException(status.label() + " rows must not be negative: " + n);
				}
				copy.put(status, n);
			});
		}
		byStatus = Collections.unmodifiableMap(copy);
	}

	/** Rows by status, none reused. */
	public RowCounts(Map<RowStatus, Long> byStatus) {
		this(byStatus, 0);
	}

	@JsonCreator
	static RowCounts ofLabels(Map<String, Long> labels) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		labels.forEach((label, n) -> {
			if (!REUSED.equals(label)) {
				counts.put(RowStatus.ofLabel(label), n);
			}
		});
		return new RowCounts(counts, labels.getOrDefault(REUSED, 0L));
	}

	/** Rows of {@code status}; 0 when none were counted. */
	public long of(RowStatus status) {
		return byStatus.getOrDefault(status, 0L);
	}

	/**
	 * Rows a completed job charges credits for ({@link RowStatus#isCharged()}), but for
	 * the {@link #reused} ones.
	 */
	public long charged() {
		return byStatus.entrySet().stream().filter(e -> e.getKey().isCharged()).mapToLong(Map.Entry::getValue).sum()
				- reused;
	}

	public boolean isEmpty() {
		return byStatus.isEmpty();
	}

	/** Every counted status by label, in {@link RowStatus} order. */
	@JsonValue
	public Map<String, Long> labels() {
		Map<String, Long> labels = new LinkedHashMap<>();
		byStatus.forEach((status, n) -> labels.put(status.label(), n));
		if (!byStatus.isEmpty()) {
			labels.put(REUSED, reused);
		}
		return labels;
	}

	/** Every status, 0 where none were counted: the shape of a finished job. */
	RowCounts withEveryStatus() {
		Map<RowStatus, Long> all = new EnumMap<>(RowStatus.class);
		for (RowStatus status : RowStatus.values()) {
			all.put(status, of(status));
		}
		return new RowCounts(all, reused);
	}

}
