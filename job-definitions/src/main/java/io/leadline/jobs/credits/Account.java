package io.leadline.jobs.credits;

import java.time.LocalDateTime;

import io.leadline.jobs.research.ServiceContext;

/**
 * A credit account, keyed by the token's subject (or {@code local} for the CLI).
 *
 * @param defaultService the service context nightly runs use, or null when the owner set
 * none
 */
public record Account(String id, long balance, LocalDateTime createdAt, ServiceContext defaultService) {
}
