/**
 * The Leadline enrichment engine: one feature a package ({@code enrichment},
 * {@code input}, {@code research}, {@code ratelimit}, {@code output}, {@code storage},
 * {@code credits}).
 */
package io.leadline.jobs;
