package io.leadline.jobs.enrichment;

import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Where the application joins every enrichment run. {@link EnrichmentJobConfig} names
 * each {@link Slot} in the job bean, in order; a slot holds at most one bean and may be
 * empty (the engine's own tests run without the application).
 */
public interface EnrichmentRunHook extends JobExecutionListener {

	/** The places the job file keeps for the application, in run order. */
	enum Slot {

		/** Marks the run as this process's, first in and last out, for crash recovery. */
		LEASE,
		/**
		 * Tells the owner the run ended (a webhook event), once the job log, credits and
		 * metrics have their say.
		 */
		NOTIFY,
		/** Counts what completed runs produced, after credits settled. */
		METRICS

	}

	Slot slot();

}
