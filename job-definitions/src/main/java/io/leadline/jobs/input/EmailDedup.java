package io.leadline.jobs.input;

import java.util.Arrays;
import java.util.Locale;

/**
 * Finds repeated emails (case-insensitive) in memory that depends on the number of
 * distinct emails only: an open-addressing table of 64-bit hashes to the first row
 * number, 16 bytes a slot, instead of a set of strings (5 million addresses would be
 * gigabytes as strings).
 *
 * <p>
 * Two different addresses with the same 64-bit hash would be taken for one; among 5
 * million addresses the odds are below one in a million, an accepted cost. Not
 * thread-safe: one pass (the prepare step) owns an instance.
 */
public final class EmailDedup {

	private static final long EMPTY = 0;

	private static final long REPEATED = Long.MIN_VALUE;

	private static final double MAX_LOAD = 0.7;

	private long[] hashes;

	/** First row number; the {@link #REPEATED} bit marks a row that was seen again. */
	private long[] rows;

	private int size;

	public EmailDedup(int expectedSize) {
		if (expectedSize < 0) {
			throw new IllegalArgumentException("expectedSize must not be negative, was " + expectedSize);
		}
		int capacity = capacityFor(expectedSize);
		hashes = new long[capacity];
		rows = new long[capacity];
	}

	/**
	 * @return 0 when this email is seen for the first time (and remembers rowNumber),
	 * else the row number of its first occurrence
	 */
	public long firstOccurrence(String email, long rowNumber) {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be at least 1, was " + rowNumber);
		}
		long hash = hash(email);
		int slot = slotOf(hash, hashes);
		if (hashes[slot] == hash) {
			rows[slot] |= REPEATED;
			return rows[slot] & ~REPEATED;
		}
		hashes[slot] = hash;
		rows[slot] = rowNumber;
		size++;
		if (size > hashes.length * MAX_LOAD) {
			grow();
		}
		return 0;
	}

	/** Distinct emails seen. */
	public int size() {
		return size;
	}

	/** First-occurrence rows that were repeated at least once, ascending. */
	public long[] rowsWithDuplicates() {
		return Arrays.stream(rows).filter(row -> (row & REPEATED) != 0).map(row -> row & ~REPEATED).sorted().toArray();
	}

	private static int capacityFor(int expectedSize) {
		long slots = Math.max(16, (long) Math.ceil(expectedSize / MAX_LOAD));
		return (int) Math.min(1 << 29, Long.highestOneBit(slots - 1) << 1);
	}

	private void grow() {
		long[] oldHashes = hashes;
		long[] oldRows = rows;
		hashes = new long[oldHashes.length * 2];
		rows = new long[oldRows.length * 2];
		for (int i = 0; i < oldHashes.length; i++) {
			if (oldHashes[i] != EMPTY) {
				int slot = slotOf(oldHashes[i], hashes);
				hashes[slot] = oldHashes[i];
				rows[slot] = oldRows[i];
			}
		}
	}

	/** The slot holding hash, or the empty slot where it belongs (linear probing). */
	private static int slotOf(long hash, long[] table) {
		int mask = table.length - 1;
		int slot = (int) hash & mask;
		while (table[slot] != EMPTY && table[slot] != hash) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/**
	 * FNV-1a over the lower-cased chars, then a SplitMix64 finalizer to spread the low
	 * bits.
	 */
	private static long hash(String email) {
		String key = email.strip().toLowerCase(Locale.ROOT);
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
		h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
		h ^= h >>> 31;
		// why: 0 marks an empty slot
		return h == EMPTY ? 1 : h;
	}

}
