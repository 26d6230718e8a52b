package io.leadline.app.jobs;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.leadline.jobs.input.InputFormat;

/**
 * A stored, inspected list waiting to become a job; its object lives under
 * {@code inputs/{owner}/{id}/}.
 */
public record Upload(UUID id, String owner, String filename, InputFormat format, String objectKey, long rowCount,
		List<String> headers, String emailColumnGuess, LocalDateTime createdAt) {

	public Upload {
		headers = List.copyOf(headers);
	}
}
