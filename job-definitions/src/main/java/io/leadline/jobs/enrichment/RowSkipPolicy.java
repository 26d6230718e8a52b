package io.leadline.jobs.enrichment;

import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;

import io.leadline.jobs.research.FatalProviderException;

/**
 * Which row failures a partition survives: anything but a fatal provider error or a
 * halting job, up to a configured limit (Batch's default of 10 would fail a large list on
 * a bad afternoon).
 */
final class RowSkipPolicy implements SkipPolicy {

	private final long skipLimit;

	RowSkipPolicy(long skipLimit) {
		this.skipLimit = skipLimit;
	}

	@Override
	public boolean shouldSkip(Throwable failure, long skipCount) {
		if (stopsTheJob(failure)) {
			return false;
		}
		if (skipCount >= skipLimit) {
			throw new SkipLimitExceededException(skipLimit, failure);
		}
		return true;
	}

	private static boolean stopsTheJob(Throwable failure) {
		return failure instanceof FatalProviderException || failure instanceof JobHalt.HaltedException
				|| failure instanceof Error;
	}

}
