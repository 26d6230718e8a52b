package io.leadline.app.jobs;

import java.nio.file.Path;

import io.leadline.jobs.enrichment.EnrichmentRequest;

/**
 * A list inspected and turned into its job's request, not yet started: hand it to
 * {@link ListIntake#start(PreparedList)}. Nothing is stored or reserved yet.
 */
public final class PreparedList {

	private final EnrichmentRequest request;

	private final Path content;

	PreparedList(EnrichmentRequest request, Path content) {
		this.request = request;
		this.content = content;
	}

	public EnrichmentRequest request() {
		return request;
	}

	/** The local file to store as the job's input at start; null when already stored. */
	Path content() {
		return content;
	}

}
