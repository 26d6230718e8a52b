package io.leadline.jobs.enrichment;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Object keys of one job, all built from ids so no user string can reach a path. Chunk
 * keys carry the partition and the first row, so a restarted chunk overwrites its earlier
 * attempt instead of adding a second copy.
 */
public record WorkArea(UUID jobId, String owner) {

	private static final Pattern SAFE_OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

	public WorkArea {
		if (jobId == null) {
			throw new IllegalArgumentException("jobId is required");
		}
		if (owner == null || !SAFE_OWNER.matcher(owner).matches() || owner.contains("..")) {
			throw new IllegalArgumentException("owner must be an account id, got '" + owner + "'");
		}
	}

	public String inputKey(String extension) {
		return "inputs/%s/%s/input.%s".formatted(owner, jobId, extension);
	}

	public String resultKey(String extension) {
		return outputPrefix() + "result." + extension;
	}

	public String summaryKey() {
		return outputPrefix() + "summary.json";
	}

	public String outputPrefix() {
		return "outputs/%s/%s/".formatted(owner, jobId);
	}

	public String workPrefix() {
		return "work/%s/".formatted(jobId);
	}

	String metaKey() {
		return workPrefix() + "meta.json";
	}

	String duplicateTargetsKey() {
		return workPrefix() + "duplicate-targets.txt";
	}

	/**
	 * Rows that prepare settled without providers, in segments keyed by their first row.
	 */
	String resolvedPrefix() {
		return workPrefix() + "resolved/";
	}

	String resolvedKey(long firstRow) {
		return resolvedPrefix() + "%09d.csv".formatted(firstRow);
	}

	String partitionInputKey(int partition) {
		return workPrefix() + "input/part-%04d.csv".formatted(partition);
	}

	/** Batch mode's searches and the answers of its batches. */
	String batchPrefix() {
		return workPrefix() + "batch/";
	}

	/** Batch mode's results of one partition's rows, which its worker step reads. */
	String batchResultsKey(int partition) {
		return batchPrefix() + "results/part-%04d.jsonl".formatted(partition);
	}

	String chunkPrefix() {
		return workPrefix() + "chunks/";
	}

	// why: keyed by first row, so a restarted chunk overwrites, not duplicates
	String chunkKey(int partition, long firstRow) {
		return chunkPrefix() + "part-%04d/%09d.csv".formatted(partition, firstRow);
	}
}
