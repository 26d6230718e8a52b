/**
 * Keeps the job inside each provider's rate limits: requests and tokens per minute, calls
 * in flight, and pauses the provider asked for. See
 * {@link io.leadline.jobs.ratelimit.ProviderLimiter}.
 */
package io.leadline.jobs.ratelimit;
