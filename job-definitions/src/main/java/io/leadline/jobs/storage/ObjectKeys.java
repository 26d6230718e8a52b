package io.leadline.jobs.storage;

/**
 * Validation of object keys, shared by every {@link ObjectStore}. A safe key is non-empty
 * '/'-separated segments: no leading '/', no empty segment ({@code a//b}, trailing '/'),
 * no {@code .} segment, no {@code ".."} anywhere (stricter than traversal needs, on
 * purpose: keys are built from ids and never need it), no backslash and no control
 * character. Such a key means the same on every filesystem and in S3, and cannot escape a
 * store's root.
 */
public final class ObjectKeys {

	private ObjectKeys() {
	}

	/**
	 * Returns {@code key} when it is safe.
	 * @throws IllegalArgumentException naming the key and what is wrong with it
	 */
	public static String requireSafe(String key) {
		if (key == null || key.isEmpty()) {
			throw new IllegalArgumentException("object key is empty");
		}
		requireSafeText(key, "key");
		for (String segment : key.split("/", -1)) {
			requireSafeSegment(key, segment, "key");
		}
		return key;
	}

	/**
	 * Returns {@code prefix} when it is safe as a listing prefix: empty, or a safe key
	 * that may end with '/' ({@code work/42/}) or stop mid-segment
	 * ({@code work/42/part-}).
	 * @throws IllegalArgumentException naming the prefix and what is wrong with it
	 */
	public static String requireSafePrefix(String prefix) {
		if (prefix == null) {
			throw new IllegalArgumentException("object key prefix is null");
		}
		if (prefix.isEmpty()) {
			return prefix;
		}
		requireSafeText(prefix, "prefix");
		String[] segments = prefix.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			boolean lastAndEmpty = i == segments.length - 1 && segments[i].isEmpty() && i > 0;
			if (!lastAndEmpty) {
				requireSafeSegment(prefix, segments[i], "prefix");
			}
		}
		return prefix;
	}

	private static void requireSafeText(String key, String what) {
		if (key.contains("..")) {
			throw unsafe(what, key, "contains '..'");
		}
		if (key.indexOf('\\') >= 0) {
			throw unsafe(what, key, "contains a backslash");
		}
		if (key.chars().anyMatch(Character::isISOControl)) {
			throw unsafe(what, key, "contains a control character");
		}
	}

	private static void requireSafeSegment(String key, String segment, String what) {
		if (segment.isEmpty()) {
			throw unsafe(what, key, key.startsWith("/") ? "starts with '/'" : "has an empty segment");
		}
		if (segment.equals(".")) {
			throw unsafe(what, key, "has a '.' segment");
		}
	}

	private static IllegalArgumentException unsafe(String what, String key, String problem) {
		return new IllegalArgumentException("unsafe object " + what + " '" + key + "': " + problem);
	}

}
