package io.leadline.app.notify;

import java.time.Instant;

/**
 * One event of an account's webhook as its owner sees it.
 *
 * @param stateKey the job's run and the status it ended in ({@code 41:completed})
 * @param state {@code pending}, {@code sending}, {@code delivered}, {@code gave_up} or
 * {@code cancelled}
 * @param lastError why the last attempt failed, or why it was given up
 */
public record WebhookEvent(String eventId, String jobId, String stateKey, String state, int attempts, Instant createdAt,
		Instant nextAttemptAt, Instant deliveredAt, String lastError) {
}
