package io.leadline.jobs.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store knows about one object without reading it.
 *
 * @param etag opaque version tag: differs when the object was replaced; compare for
 * equality only
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified) {

	public ObjectInfo {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(etag, "etag");
		Objects.requireNonNull(lastModified, "lastModified");
		if (size < 0) {
			throw new IllegalArgumentException("negative size " + size + " for object " + key);
		}
	}
}
