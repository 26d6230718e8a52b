package io.leadline.app.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs a job execution: host, process id, when that process started, and the last
 * heartbeat. A lease is live while its process is: checked directly on the same host, by
 * heartbeat age from another one.
 *
 * @param processStartedAt null on leases written before it was recorded
 */
record ExecutionLease(long executionId, String host, long pid, Instant processStartedAt, Instant heartbeatAt) {

	/**
	 * Start instants come from the OS in clock ticks; two readings of one process agree
	 * well within this.
	 */
	private static final Duration SAME_START = Duration.ofSeconds(1);

	boolean isLive(String thisHost, Instant now, Duration staleAfter) {
		boolean fresh = heartbeatAt.isAfter(now.minus(staleAfter));
		if (!host.equals(thisHost)) {
			return fresh;
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map(process -> isLeaseHolder(process, fresh))
			.orElse(false);
	}

	/**
	 * why: a live process with the lease's pid may be a newcomer that got a dead holder's
	 * pid (a restarted container)
	 */
	private boolean isLeaseHolder(ProcessHandle process, boolean fresh) {
		if (processStartedAt == null) {
			return true;
		}
		Optional<Instant> started = process.info().startInstant();
		return started.map(at -> Duration.between(at, processStartedAt).abs().compareTo(SAME_START) < 0).orElse(fresh);
	}

	public String describe() {
		return "pid %d on %s".formatted(pid, host);
	}
}
