package io.leadline.jobs.credits;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How credits are handed out and held.
 *
 * @param startingCredits credits a new account gets on first use, once per email; null
 * leaves it to the application's {@link StartingCredits} (0 without one)
 * @param localLimit how far below zero the CLI's {@code local} account may go; null means
 * no limit (usage is still recorded)
 */
@Validated
@ConfigurationProperties("leadline.credits")
public record CreditsProperties(@Min(0) Long startingCredits, @Min(0) Long localLimit) {
}
