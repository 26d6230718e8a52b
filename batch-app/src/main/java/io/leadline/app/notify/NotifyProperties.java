package io.leadline.app.notify;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Job-ended webhooks.
 *
 * @param allowHttpWebhooks {@code LEADLINE_ALLOW_HTTP_WEBHOOKS}: accept {@code http://}
 * URLs and loopback, private, link-local, unique-local, multicast and unspecified
 * addresses (tests and closed networks); off, only {@code https://} to public addresses
 * @param pollInterval how often the server looks for events to send
 * @param retryBase the wait after the first failed attempt; it doubles after each failure
 * @param retryMaxDelay the longest wait between two attempts
 * @param giveUpAfter how long after the job's state change an event is still retried
 * @param connectTimeout connecting to the receiver
 * @param readTimeout waiting for the receiver's answer
 * @param batchSize events sent per poll at most
 */
@Validated
@ConfigurationProperties("leadline.notify")
record NotifyProperties(@DefaultValue("false") boolean allowHttpWebhooks, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("30s") Duration retryBase, @DefaultValue("1h") Duration retryMaxDelay,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("20") @Min(1) int batchSize) {
}
