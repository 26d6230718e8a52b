package io.leadline.jobs.credits;

import java.time.LocalDateTime;

import io.leadline.jobs.research.ServiceContext;

/**
 * A credit account, keyed by the token's subject (or {@code local} for the CLI).
 *
 * @param defaultService the service context nightly runs use, or null when the owner set
 * none
 * @param email the owner's email, from the token or the web sign-in; null when never
 * given
 */
public record Account(String id, long balance, LocalDateTime createdAt, ServiceContext defaultService, String email) {
}
