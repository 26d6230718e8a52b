package io.leadline.app.api;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.leadline.app.billing.BillingException;
import io.leadline.app.jobs.JobConflictException;
import io.leadline.app.jobs.JobNotFoundException;
import io.leadline.app.jobs.StartRefusedException;
import io.leadline.app.jobs.QuotaExceededException;
import io.leadline.jobs.credits.InsufficientCreditsException;
import io.leadline.jobs.input.InputLimitException;
import io.leadline.jobs.input.UnsupportedInputException;

/**
 * Every error as an RFC 9457 problem detail with a stable {@code code} property: ours by
 * type, Spring MVC's own (bad JSON, missing part, wrong method...) by status.
 */
@RestControllerAdvice
@EnableConfigurationProperties(ApiProperties.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final ApiProperties api;

	ApiProblems(ApiProperties api) {
		this.api = api;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> api(ApiException e) {
		return problem(e.status(), e.code(), e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> billing(BillingException e) {
		return problem(e.status(), e.code(), e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> insufficientCredits(InsufficientCreditsException e) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
				e.getMessage());
		response.getBody().setProperty("creditsRequired", e.needed());
		response.getBody().setProperty("creditsAvailable", e.available());
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(JobNotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(JobConflictException e) {
		return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(StartRefusedException e) {
		// why: the inspection's advice names the CLI's option; an API caller names the
		// field
		return problem(RefusalStatus.of(e.reason()), e.code(),
				e.getMessage().replace("pass --email-column", "name it in emailColumn"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> quota(QuotaExceededException e) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS, "quota_exceeded",
				e.getMessage());
		return e.retryAfter()
			.map(wait -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()))
				.body(response.getBody()))
			.orElse(response);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooBig(InputLimitException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "input_limit", e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAList(UnsupportedInputException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_file", e.getMessage());
	}

	// why: @Min/@Max on a controller's parameters, checked by method validation
	@ExceptionHandler
	ResponseEntity<ProblemDetail> outOfRange(ConstraintViolationException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = withCode(
				ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						"the file is larger than the %d MB upload limit".formatted(api.maxUploadMb())),
				"file_too_large");
		return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}

	/** Spring MVC's own problems get a code from their status. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			withCode(problem, codeOf(status));
		}
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
		log.error("request failed", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected error; see the server log");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
		String oneLine = detail == null ? status.getReasonPhrase() : detail.lines().findFirst().orElse("");
		return ResponseEntity.status(status).body(withCode(ProblemDetail.forStatusAndDetail(status, oneLine), code));
	}

	private static ProblemDetail withCode(ProblemDetail problem, String code) {
		problem.setProperty("code", code);
		return problem;
	}

	private static String codeOf(HttpStatusCode status) {
		if (status.value() == 404) {
			return "not_found";
		}
		if (status.value() == 405) {
			return "method_not_allowed";
		}
		if (status.value() == 415) {
			return "unsupported_media_type";
		}
		return status.is4xxClientError() ? "invalid_request" : "internal_error";
	}

}
