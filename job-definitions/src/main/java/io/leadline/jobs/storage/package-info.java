/**
 * Where inputs, work files and results live:
 * {@link io.leadline.jobs.storage.ObjectStore}, by key, on local disk
 * ({@link io.leadline.jobs.storage.LocalObjectStore}) or S3-compatible storage.
 */
package io.leadline.jobs.storage;
