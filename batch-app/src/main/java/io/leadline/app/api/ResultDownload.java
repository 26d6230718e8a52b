package io.leadline.app.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.leadline.app.jobs.ResultFile;

/** A job's paid result as an HTTP download, for the API and the web pages alike. */
public final class ResultDownload {

	private ResultDownload() {
	}

	public static ResponseEntity<Resource> of(ResultFile result) throws IOException {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(result.format().contentType()))
			.contentLength(result.size())
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename(result.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(result.open()));
	}

}
