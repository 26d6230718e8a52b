package io.leadline.app.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import io.leadline.app.api.ApiException;
import io.leadline.app.api.RefusalStatus;
import io.leadline.app.jobs.JobConflictException;
import io.leadline.app.jobs.JobNotFoundException;
import io.leadline.app.jobs.QuotaExceededException;
import io.leadline.app.jobs.StartRefusedException;
import io.leadline.jobs.credits.InsufficientCreditsException;
import io.leadline.jobs.input.InputLimitException;
import io.leadline.jobs.input.UnsupportedInputException;

/**
 * Errors on pages are one human sentence, chosen by the API's problem code: never a stack
 * trace, never JSON. Errors of the web controllers come through the advice; the rest
 * (unknown pages, a refused CSRF token, the admin area) through Boot's error page.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
// why: before the API's advice, which would answer a page with problem JSON
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class WebErrors implements ErrorViewResolver {

	private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

	/** Request attribute a filter sets to say why it refused (a problem code). */
	static final String CODE_ATTRIBUTE = WebErrors.class.getName() + ".code";

	/** What a page shows: the status and one sentence. */
	record Problem(HttpStatus status, String code, String sentence) {
	}

	@ExceptionHandler
	ModelAndView failed(Exception e, HttpServletRequest request) {
		Problem problem = of(e);
		if (problem.status().is5xxServerError()) {
			log.error("page {} failed", request.getRequestURI(), e);
		}
		return page(problem);
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object code = request.getAttribute(CODE_ATTRIBUTE);
		if (code != null) {
			return page(new Problem(status, code.toString(), sentence(code.toString(), null)));
		}
		return page(switch (status) {
			case NOT_FOUND -> new Problem(status, "not_found", sentence("not_found", null));
			case FORBIDDEN -> new Problem(status, "forbidden", sentence("forbidden", null));
			case UNAUTHORIZED -> new Problem(status, "unauthorized", sentence("unauthorized", null));
			default ->
				status.is4xxClientError() ? new Problem(status, "invalid_request", sentence("invalid_request", null))
						: new Problem(status, "internal_error", sentence("internal_error", null));
		});
	}

	static ModelAndView page(Problem problem) {
		ModelAndView page = new ModelAndView("error-page", problem.status());
		page.addObject("problem", problem);
		return page;
	}

	/**
	 * Puts the sentence for {@code e} on a form's model, for pages that show it inline.
	 */
	static void show(Model model, Exception e) {
		model.addAttribute("error", of(e).sentence());
	}

	static Problem of(Throwable e) {
		if (e instanceof ApiException api) {
			return new Problem(api.status(), api.code(), sentence(api.code(), api.getMessage()));
		}
		if (e instanceof JobNotFoundException) {
			return new Problem(HttpStatus.NOT_FOUND, "not_found", sentence("not_found", e.getMessage()));
		}
		if (e instanceof JobConflictException conflict) {
			return new Problem(HttpStatus.CONFLICT, conflict.code(), sentence(conflict.code(), conflict.getMessage()));
		}
		if (e instanceof StartRefusedException refused) {
			HttpStatus status = RefusalStatus.of(refused.reason());
			return new Problem(status, refused.code(), sentence(refused.code(), refused.getMessage()));
		}
		if (e instanceof InsufficientCreditsException credits) {
			return new Problem(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
					"This list needs %,d credits and your balance is %,d.".formatted(credits.needed(),
							credits.available()));
		}
		if (e instanceof QuotaExceededException quota) {
			return new Problem(HttpStatus.TOO_MANY_REQUESTS, "quota_exceeded", quota.retryAfter().isPresent()
					? "You have as many jobs running as your account allows; start this one when one of them ends."
					: "Your account holds as many lists as it may; delete old jobs' files to make room.");
		}
		if (e instanceof InputLimitException) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "input_limit",
					"That list is too large: " + detail(e.getMessage()));
		}
		if (e instanceof MaxUploadSizeExceededException) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "file_too_large", sentence("file_too_large", null));
		}
		if (e instanceof UnsupportedInputException) {
			return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_file",
					"That file is not a list we can read (a CSV or an Excel .xlsx file): " + detail(e.getMessage()));
		}
		if (e instanceof IllegalArgumentException) {
			return new Problem(HttpStatus.BAD_REQUEST, "invalid_request", capitalized(detail(e.getMessage())));
		}
		if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
			return new Problem(HttpStatus.NOT_FOUND, "not_found", sentence("not_found", null));
		}
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", sentence("internal_error", null));
	}

	/** One sentence per problem code; the API's detail where it is already readable. */
	static String sentence(String code, String detail) {
		return switch (code) {
			case "not_found" ->
				"We could not find that page. It may have been deleted, or it belongs to another account.";
			case "unauthorized", "invalid_token" -> "Please sign in to continue.";
			case "forbidden" -> "This page is only for administrators.";
			case "csrf" -> "This form had expired or did not come from Leadline. Reload the page and try again.";
			case "insufficient_credits" -> "You do not have enough credits for this list.";
			case "file_too_large" -> "That file is larger than the upload limit.";
			case "no_email_column" -> "Choose the column that holds the email addresses.";
			case "unknown_email_column" -> "That email column is not in the file; choose one from the list.";
			case "unknown_column" -> "One of the columns to keep is not in the file.";
			case "job_not_running" -> "This job is not running, so there is nothing to stop.";
			case "not_restartable" -> detail != null && detail.contains("expired")
					? "This job gave its credits back, so it cannot be restarted; start a new list instead."
					: "Only a failed or stopped job can be restarted.";
			case "not_abandonable" -> "This job cannot be abandoned: it has completed or is still running.";
			case "job_running" -> "Stop the job before deleting its files.";
			case "no_result", "result_not_ready" -> "This job has no result to download yet.";
			case "empty_list" -> "That list has a header row but no data rows.";
			case "body_too_large" -> "That form was too large to send.";
			case "server_busy" -> "Too many jobs are waiting right now; please try again in a few minutes.";
			case "invalid_request" -> detail == null ? "That request was not valid." : capitalized(detail(detail));
			default -> "Something went wrong on our side. It has been logged; please try again.";
		};
	}

	private static String detail(String message) {
		String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
		return line.endsWith(".") ? line : line + ".";
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
