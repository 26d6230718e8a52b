package io.leadline.jobs.enrichment;

import java.util.Locale;

/**
 * What happened to one input row; written to the {@code sif_status} column in lower case.
 */
public enum RowStatus {

	OK, INVALID, DUPLICATE, FAILED, NO_PROVIDER, SKIPPED;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return label;
	}

	public static RowStatus ofLabel(String label) {
		return valueOf(label.toUpperCase(Locale.ROOT));
	}

	/**
	 * The one charging rule: a row costs a credit exactly when it is {@code ok}, and only
	 * charged rows (and duplicates of them) carry {@code sif_research}, see
	 * {@link RowRecord}: a row whose opener failed is free and delivers nothing.
	 */
	public boolean isCharged() {
		return this == OK;
	}

}
