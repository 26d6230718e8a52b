package io.leadline.app.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.leadline.app.jobs.ListIntake;
import io.leadline.app.jobs.Upload;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.input.FieldMapping;
import io.leadline.jobs.input.Headers;
import io.leadline.jobs.input.InputFormat;

/**
 * Uploads a list: stored and inspected, so the caller can pick the email column and see
 * the cost.
 */
@RestController
class UploadController {

	private final ListIntake intake;

	private final CreditLedger ledger;

	UploadController(ListIntake intake, CreditLedger ledger) {
		this.intake = intake;
		this.ledger = ledger;
	}

	/**
	 * One credit per data row. {@code fields}: the prospect fields recognised from the
	 * headers ({@code field -> header}), which {@code POST /api/jobs} may correct.
	 */
	record UploadResponse(UUID uploadId, String filename, InputFormat format, List<String> headers, long rowCount,
			String emailColumnGuess, Map<String, String> fields, long creditsRequired, long creditsAvailable) {
	}

	@PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	UploadResponse upload(@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Jwt jwt)
			throws IOException {
		Caller caller = Caller.of(jwt);
		Upload upload = intake.acceptUpload(caller.accountId(), file.getOriginalFilename(), file);
		return new UploadResponse(upload.id(), upload.filename(), upload.format(), upload.headers(), upload.rowCount(),
				upload.emailColumnGuess(), recognizedFields(upload), upload.rowCount(),
				ledger.account(caller.accountId()).balance());
	}

	private static Map<String, String> recognizedFields(Upload upload) {
		Headers headers = Headers.of(upload.headers());
		return FieldMapping.recognize(headers, headers.indexOf(upload.emailColumnGuess()).orElse(-1)).toHeaders();
	}

}
