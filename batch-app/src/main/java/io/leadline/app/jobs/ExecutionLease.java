package io.leadline.app.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Who runs a job execution: host, process id, when that process started, and the last
 * heartbeat ({@link ProcessLease}).
 *
 * @param processStartedAt null on leases written before it was recorded
 */
record ExecutionLease(long executionId, String host, long pid, Instant processStartedAt, Instant heartbeatAt) {

	boolean isLive(String thisHost, Instant now, Duration staleAfter) {
		return process().isLive(thisHost, now, staleAfter);
	}

	public String describe() {
		return process().describe();
	}

	private ProcessLease process() {
		return new ProcessLease(host, pid, processStartedAt, heartbeatAt);
	}

}
