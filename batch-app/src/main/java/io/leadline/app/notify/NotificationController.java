package io.leadline.app.notify;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.leadline.app.security.Caller;

/**
 * The caller's job-ended webhook: set it (a new secret, shown once), see it with its
 * recent deliveries, remove it.
 */
@RestController
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	record WebhookRequest(String url) {
	}

	/** The answer to setting a webhook: the only time the secret is shown. */
	record WebhookCreated(String url, String secret, Instant updatedAt, String signatureHeader) {
	}

	@PutMapping("/api/account/notifications")
	WebhookCreated set(@RequestBody WebhookRequest request, @AuthenticationPrincipal Jwt jwt) {
		Webhook.Created created = notifications.set(Caller.of(jwt).accountId(), request == null ? null : request.url());
		return new WebhookCreated(created.url(), created.secret(), created.updatedAt(), WebhookSignature.HEADER);
	}

	@GetMapping("/api/account/notifications")
	Webhook get(@AuthenticationPrincipal Jwt jwt) {
		return notifications.webhook(Caller.of(jwt).accountId()).orElseThrow(NoWebhook::new);
	}

	@DeleteMapping("/api/account/notifications")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt) {
		if (!notifications.remove(Caller.of(jwt).accountId())) {
			throw new NoWebhook();
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(WebhookUrlRefused e) {
		return problem(e.status(), e.code(), e.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> none(NoWebhook e) {
		return problem(HttpStatus.NOT_FOUND, "no_webhook", e.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create("/api/account/notifications"));
		problem.setProperty("code", code);
		return ResponseEntity.status(status).body(problem);
	}

	static final class NoWebhook extends RuntimeException {

		NoWebhook() {
			super("this account has no webhook; set one with PUT /api/account/notifications");
		}

	}

}
