package io.leadline.jobs.enrichment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Rows by {@code sif_status}: what prepare settled, what merge wrote, what a job view
 * shows. In JSON a map of status labels, {@code {"ok": 47, "invalid": 2, ...}}.
 */
public record RowCounts(Map<RowStatus, Long> byStatus) {

	public static final RowCounts NONE = new RowCounts(Map.of());

	public RowCounts {
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

	@JsonCreator
	static RowCounts ofLabels(Map<String, Long> labels) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		labels.forEach((label, n) -> counts.put(RowStatus.ofLabel(label), n));
		return new RowCounts(counts);
	}

	/** Rows of {@code status}; 0 when none were counted. */
	public long of(RowStatus status) {
		return byStatus.getOrDefault(status, 0L);
	}

	/** Rows a completed job charges credits for ({@link RowStatus#isCharged()}). */
	public long charged() {
		return byStatus.entrySet().stream().filter(e -> e.getKey().isCharged()).mapToLong(Map.Entry::getValue).sum();
	}

	public boolean isEmpty() {
		return byStatus.isEmpty();
	}

	/** Every counted status by label, in {@link RowStatus} order. */
	@JsonValue
	public Map<String, Long> labels() {
		Map<String, Long> labels = new LinkedHashMap<>();
		byStatus.forEach((status, n) -> labels.put(status.label(), n));
		return labels;
	}

	/** Every status, 0 where none were counted: the shape of a finished job. */
	RowCounts withEveryStatus() {
		Map<RowStatus, Long> all = new EnumMap<>(RowStatus.class);
		for (RowStatus status : RowStatus.values()) {
			all.put(status, of(status));
		}
		return new RowCounts(all);
	}

}
