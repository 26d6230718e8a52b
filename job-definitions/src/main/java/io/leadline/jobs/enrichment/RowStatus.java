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

	/** Only researched rows cost the customer a credit. */
	public boolean isCharged() {
		return this == OK;
	}

}
