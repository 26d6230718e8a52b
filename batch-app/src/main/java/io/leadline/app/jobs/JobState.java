package io.leadline.app.jobs;

import java.util.Locale;

import org.springframework.batch.core.BatchStatus;

/** A job's status as users see it, mapped from Spring Batch's. */
public enum JobState {

	QUEUED, RUNNING, COMPLETED, FAILED, STOPPED, ABANDONED;

	public static JobState of(BatchStatus status) {
		return switch (status) {
			case STARTING -> QUEUED;
			case STARTED, STOPPING -> RUNNING;
			case COMPLETED -> COMPLETED;
			case FAILED, UNKNOWN -> FAILED;
			case STOPPED -> STOPPED;
			case ABANDONED -> ABANDONED;
		};
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
